// The city's year query after its rows arrive, without PostgreSQL: decode, report, encode.
//
// `bench/city.sh` measures the whole query (PostgreSQL, the network, the service); this bench
// measures only the Swift work on the rows, so that a change to it can be measured in seconds
// and on its own. It builds what the city reads for a hall's year as `bench/city.sh` builds its
// template hall: a real year of a busy hall's day rollups (the `metrics_day` rows of a history
// from `bench/history.sh`, read only), twice over two years; per service the running total
// through the year's last day (both years) and through the day before its first (the first
// year), with the cohort totals the same way (migration 0003's shapes). HALLS halls each get
// those rows (the query reads 2 rows per hall and service, of the real size), then per round:
//   decode  every row kept as the read keeps it (`CityStore.HallFigures.keep`),
//   report  `CityReport.build` (each hall's report and the city's, two shares side by side),
//   encode  `CityReport.json` (the bytes the route answers),
// each round's times printed (wall clock, and the process's CPU time, both cores added: on a
// machine shared with builds the CPU time moves far less), then the median and the spread
// (min–max) of each phase, the load average, and a digest of the JSON: a change that should not
// change the numbers keeps it.
//
// Usage: swift build -c release --product onewindow-citysum &&
//   .build/release/onewindow-citysum [HISTORY] [HALLS] [ROUNDS] [CATALOGUE]
//   (defaults: the newest bench/out/history-1000000-365-*.sqlite, 200, 7, services.json)
import Foundation
import GRDB
import OneWindowCity
import OneWindowCore

let arguments = CommandLine.arguments.dropFirst().map { $0 }
let history =
    arguments.first
    ?? ((try? FileManager.default.contentsOfDirectory(atPath: "bench/out")) ?? [])
    .filter { $0.hasPrefix("history-1000000-365-") && $0.hasSuffix(".sqlite") }.sorted().last.map { "bench/out/\($0)" }
guard let history else {
    FileHandle.standardError.write(Data("no history: give one (bench/history.sh makes them)\n".utf8))
    exit(2)
}
let hallCount = arguments.count > 1 ? Int(arguments[1]) ?? 200 : 200
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 7 : 7
let cataloguePath = arguments.count > 3 ? arguments[3] : "services.json"
let catalogue = try CatalogueLoader.load(Data(contentsOf: URL(fileURLWithPath: cataloguePath)), file: cataloguePath)

// A year of days per service, as the hall stored them.
var configuration = Configuration()
configuration.readonly = true
let rows = try DatabaseQueue(path: history, configuration: configuration).read { db in
    try Row.fetchAll(db, sql: "SELECT hall_day, service_id, stats FROM metrics_day ORDER BY hall_day")
}
var year: [String: DayStats] = [:]  // per service, the year's own figures
var yearCohorts: [String: CohortChange] = [:]  // per service, every change to its cohorts
for row in rows {
    let service: String = row["service_id"]
    var stats = try DayStats(rollup: [UInt8](row["stats"] as Data))
    for change in stats.cohortChanges.values { yearCohorts[service, default: CohortChange()].add(change) }
    stats.cohortChanges = [:]
    year[service, default: DayStats()].add(stats)
}
let days = Set(rows.map { $0["hall_day"] as String }).sorted()
let last = days.last ?? "2026-12-05"
let from = DayNumber.text(DayNumber.of(last)! - 364)
let before = DayNumber.dayBefore(from)!

/// A cohort running total as the city keeps it: every change under one key.
func cohortRow(_ change: CohortChange, times: Int) -> [UInt8] {
    var stats = DayStats()
    for _ in 0..<times { stats.cohortChanges["cohorts", default: CohortChange()].add(change) }
    return stats.rollup()
}
// Per service: the rows through `last` (two years) and through `before` (the first year).
var ends: [(day: String, service: String, stats: [UInt8], cohorts: [UInt8]?)] = []
for (service, stats) in year.sorted(by: { $0.key < $1.key }) {
    var twice = stats
    twice.add(stats)
    let cohorts = yearCohorts[service]
    ends.append((last, service, twice.rollup(), cohorts.map { cohortRow($0, times: 2) }))
    ends.append((before, service, stats.rollup(), cohorts.map { cohortRow($0, times: 1) }))
}
let bytes = ends.reduce(0) { $0 + $1.stats.count + ($1.cohorts?.count ?? 0) }
let halls = try JSONDecoder().decode(
    [CityStore.Hall].self,
    from: JSONSerialization.data(
        withJSONObject: (0..<hallCount).map { ["hallId": "sim-\($0)", "name": "复制 \($0)", "heldSeq": 0] }))
print(
    "\(history): \(rows.count) day rollups, \(year.count) services; \(hallCount) halls × \(ends.count) rows "
        + "(\(bytes * hallCount / 1_000_000) MB of rollups), \(from) … \(last)")

func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
}
/// The process's CPU time so far (user and system, all threads), in milliseconds.
func cpu() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func milliseconds(_ time: timeval) -> Double { Double(time.tv_sec) * 1e3 + Double(time.tv_usec) / 1e3 }
    return milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime)
}
func load() -> String {
    ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "").split(separator: " ").prefix(3)
        .joined(separator: " ")
}
/// FNV-1a of the JSON: equal digests, equal answers.
func digest(_ data: Data) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return String(hash, radix: 16)
}

let clock = ContinuousClock()
var times: [String: [Double]] = [:]
for round in 0...rounds {  // round 0 warms up
    var phases: [(String, Double, Double)] = []
    var (started, startedCPU) = (clock.now, cpu())
    func lap(_ name: String) {
        phases.append((name, milliseconds(clock.now - started), cpu() - startedCPU))
        (started, startedCPU) = (clock.now, cpu())
    }
    var figures: [String: CityStore.HallFigures] = [:]
    for hall in halls {
        var hallFigures = CityStore.HallFigures()
        for end in ends {
            hallFigures.keep(day: end.day, serviceId: end.service, stats: end.stats, open: 3, cohorts: end.cohorts)
        }
        figures[hall.hallId] = hallFigures
    }
    lap("decode")
    let report = try await CityReport.build(
        from: from, to: last, serviceId: nil, halls: halls, figures: figures, catalogue: catalogue)
    lap("report")
    let json = await report.json()
    lap("encode")
    print(
        "round \(round)\(round == 0 ? " (warm-up)" : ""): "
            + phases.map { "\($0.0) \(Int($0.1.rounded())) ms (CPU \(Int($0.2.rounded())))" }.joined(separator: ", ")
            + "; \(json.count) bytes, digest \(digest(json)); load \(load())")
    guard round > 0 else { continue }
    for (name, wall, used) in phases {
        times[name, default: []].append(wall)
        times[name + " CPU", default: []].append(used)
    }
}
for name in ["decode", "report", "encode"].flatMap({ [$0, $0 + " CPU"] }) {
    let sorted = (times[name] ?? []).sorted()
    guard let low = sorted.first, let high = sorted.last else { continue }
    let median = Int(sorted[sorted.count / 2].rounded())
    print("\(name): median \(median) ms (\(Int(low.rounded()))–\(Int(high.rounded())))")
}
