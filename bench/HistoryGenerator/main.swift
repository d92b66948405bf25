// onewindow-history: writes a generated history into a new database, for bench/history.sh.
//
// The hall's own code path, without HTTP: every ticket, call, recall, no-show, completion
// (with its outcome and missing materials), return visit, cancellation, rating and
// rectification is a `HallQueue` command at a simulated time, and what the commands change is
// written by `QueueTransaction.write` (the commit thread's write). The events are therefore
// exactly what the daemon would have logged, and each day's metrics rollup is stored after its
// last events, as the daemon's rollover does. For speed (`HistoryDatabase`, `HistoryWriter`):
// one transaction per day, written on a second thread while the next day is simulated, into a
// file opened without syncs or a write-ahead log; ONEWINDOW_HISTORY_WRITE=daemon writes as the
// daemon does instead (WAL, synchronous=FULL, a transaction per ten simulated minutes).
//
// Usage: onewindow-history DATABASE [TICKETS=100000] [DAYS=30] [CATALOGUE=services.json]
// The days end yesterday (hall-local), so the daemon starts on a fresh day, or on
// ONEWINDOW_HISTORY_LAST_DAY (YYYY-MM-DD) when set; with ONEWINDOW_HISTORY_TODAY=1 today is
// simulated too, up to now and left open (to look at a busy day on /manage). Seeded: the same
// arguments and last day give the same history (`bench/history_digest.py` compares two).
import Foundation
import OneWindowCore
import OneWindowStorage

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: onewindow-history DATABASE [TICKETS] [DAYS] [CATALOGUE]\n".utf8))
    exit(2)
}
let databasePath = arguments[1]
let ticketTotal = arguments.count > 2 ? Int(arguments[2]) ?? 100_000 : 100_000
let dayCount = arguments.count > 3 ? Int(arguments[3]) ?? 30 : 30
let cataloguePath = arguments.count > 4 ? arguments[4] : "services.json"
guard !FileManager.default.fileExists(atPath: databasePath) else {
    FileHandle.standardError.write(Data("\(databasePath) exists; the history goes into a new database\n".utf8))
    exit(2)
}

let catalogue: Catalogue
do {
    let data = try Data(contentsOf: URL(fileURLWithPath: cataloguePath))
    catalogue = try CatalogueLoader.load(data, file: cataloguePath).published
} catch {
    FileHandle.standardError.write(Data("\(cataloguePath): \(error)\n".utf8))
    exit(1)
}
let environment = ProcessInfo.processInfo.environment
let database = try HistoryDatabase(path: databasePath, daemonLike: environment["ONEWINDOW_HISTORY_WRITE"] == "daemon")
let writer = HistoryWriter(storage: database.storage)
let calendar = HallCalendar(timeZone: catalogue.hall.timeZone)
var random = SeededRandom(seed: UInt64(ticketTotal) &* 31 &+ UInt64(dayCount))

let started = Date()
let firstDay: Date
if let lastDay = environment["ONEWINDOW_HISTORY_LAST_DAY"] {
    guard let last = WorkingDays.date(lastDay) else {
        FileHandle.standardError.write(Data("ONEWINDOW_HISTORY_LAST_DAY: not a day (YYYY-MM-DD): \(lastDay)\n".utf8))
        exit(2)
    }
    firstDay = last.addingTimeInterval(-Double(dayCount - 1) * 86_400)
} else {
    firstDay = Date().addingTimeInterval(-Double(dayCount) * 86_400)
}
var simulation = HallSimulation(
    catalogue: catalogue, day: calendar.day(of: firstDay), perDay: max(1, ticketTotal / dayCount))
let withToday = environment["ONEWINDOW_HISTORY_TODAY"] == "1"
for index in 0..<(dayCount + (withToday ? 1 : 0)) {
    let date = firstDay.addingTimeInterval(Double(index) * 86_400)
    let opening = calendar.instant(onDayOf: date, hour: 8, minute: 30)
    let closing = calendar.instant(onDayOf: date, hour: 17, minute: 0)
    let isToday = index == dayCount
    var now = opening
    while now < (isToday ? min(closing, Date()) : closing) {
        simulation.step(at: now, closing: closing, random: &random)
        if let every = database.writeEvery, Int(now.timeIntervalSince(opening)) % every == 0 {
            try writer.submit(simulation.takeChanges(), rollUpBefore: nil)
        }
        now = now.addingTimeInterval(10)
    }
    if !isToday { simulation.close(at: closing) }
    // As the daemon's rollover does: the closed day's figures into the metrics rollups.
    let next = isToday ? nil : calendar.day(of: date.addingTimeInterval(86_400))
    try writer.submit(simulation.takeChanges(), rollUpBefore: next)
    print("\(calendar.day(of: date)): \(simulation.issuedToday) tickets")
}
let written = try writer.finish()
try database.finish()
print(
    "wrote \(simulation.issuedTotal) tickets, \(written) events over \(dayCount) days into \(databasePath) "
        + "in \(Int(Date().timeIntervalSince(started))) s")
