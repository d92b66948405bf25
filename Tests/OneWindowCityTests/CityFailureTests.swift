import Foundation
import OneWindowApp
import OneWindowCity
import OneWindowCore
import OneWindowStorage
import OneWindowTesting
import Synchronization
import Testing

/// The city as it runs: hall daemons and city services as processes on one PostgreSQL
/// cluster, through failures, then the figures compared with the halls' own.
@Suite("The city through failures", .serialized, .timeLimit(.minutes(3)))
struct CityFailureTests {
    static func token(_ role: String, _ name: String, database: String, window: String? = nil) throws -> String {
        let created = try DaemonProcess.run(
            ["token", "create", "--role", role, "--name", name, "--database", database]
                + (window.map { ["--window", $0] } ?? []))
        return try #require(created.output.split(separator: "\n").first.map(String.init))
    }

    @Test(
        "three halls, two city services, a service killed, PostgreSQL stopped, a hall cut off for a day: the city's figures are the halls' and each event is stored once"
    )
    func throughFailures() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cluster = try PostgresCluster()
        defer { cluster.remove() }
        let name = try cluster.createDatabase()
        let location = CityDatabase.Location(port: cluster.port, user: cluster.user, database: name)
        let database = CityDatabase(location, logger: .init(label: "city.test"))
        defer { database.close() }
        let store = CityStore(database)
        try CityDatabase.wait(timeout: 30) { try await store.migrate() }
        var tokenFiles: [String: String] = [:]
        for id in ["a", "b", "c"] {
            let token = "city-token-of-hall-\(id)-0123456789"
            try CityDatabase.wait { try await store.addHall(id: id, name: "大厅 \(id)", token: token) }
            let path = directory.path("city-\(id).token")
            try Data("\(token)\n".utf8).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o600)
            tokenFiles[id] = path
        }
        let reader = "city-reader-token-0123456789"
        try CityDatabase.wait { try await store.addReader(name: "office", token: reader) }
        let cityArguments = [
            "--pg-port", "\(cluster.port)", "--pg-user", cluster.user, "--pg-database", name, "--catalogue",
            Fixtures.validCatalogue,
        ]
        var first = try DaemonProcess(arguments: cityArguments, executable: "onewindow-city")
        let second = try DaemonProcess(arguments: cityArguments, executable: "onewindow-city")
        defer {
            first.signal(SIGTERM)
            _ = first.waitForExit()
            second.signal(SIGTERM)
            _ = second.waitForExit()
        }
        // Every third answer of the second service is lost on its way: the hall sends again.
        let proxyA = try AnswerDroppingProxy(upstream: first.port) { _, _ in false }
        let proxyB = try AnswerDroppingProxy(upstream: second.port) { head, lost in head.hasPrefix("POST") && lost < 3 }
        let proxyC = try AnswerDroppingProxy(upstream: nil) { _, _ in false }
        defer { [proxyA, proxyB, proxyC].forEach { $0.stop() } }

        // Three hall daemons. Hall c's clocks are moved (libfaketime) a day on while it is cut off.
        let clockC = try ProcessClock(file: directory.path("hall-c.faketime"))
        let proxies = ["a": proxyA.port, "b": proxyB.port, "c": proxyC.port]
        var daemons: [String: DaemonProcess] = [:]
        var halls: [String: Hall] = [:]
        func startDaemon(_ id: String) throws {
            let path = directory.path("hall-\(id).sqlite")
            if halls[id] == nil {
                halls[id] = Hall(
                    id: id, client: TestHTTPClient(port: 1), kiosk: try Self.token("kiosk", "kiosk", database: path),
                    clerk: try Self.token("clerk", "clerk-1", database: path, window: "1"),
                    admin: try Self.token("admin", "manager", database: path))
            }
            let daemon = try DaemonProcess(
                arguments: [
                    "--catalogue", Fixtures.validCatalogue, "--database", path, "--closing-time", "none",
                    "--no-show-after", "0", "--city-url", "http://127.0.0.1:\(proxies[id]!)", "--hall-id", id,
                    "--city-token-file", tokenFiles[id]!,
                ], environment: id == "c" ? clockC.environment : [:])
            daemons[id] = daemon
            halls[id]?.client = daemon.client
        }
        for id in ["a", "b", "c"] { try startDaemon(id) }
        defer {
            for daemon in daemons.values {
                daemon.signal(SIGTERM)
                _ = daemon.waitForExit()
            }
        }
        let calendar = HallCalendar(timeZone: "Asia/Shanghai")
        let firstDay = calendar.day(of: clockC.read())

        for id in ["a", "b", "c"] { try halls[id]!.play(12) }
        // The first service is killed mid-batch (the proxy has sent it one of hall a's batches
        // whole and not yet had the answer), and replaced.
        #expect(
            try waitUntil(seconds: 15) { try CityDatabase.wait { try await store.halls() }.contains { $0.heldSeq > 0 } }
        )
        let (victim, killed) = (first, KilledMidBatch())
        proxyA.interceptNextPost {
            victim.signal(SIGKILL)
            killed.value.withLock { $0 = true }
        }
        try halls["a"]!.play(8)
        #expect(first.waitForExit() == SIGKILL)
        #expect(killed.value.withLock { $0 }, "killed by the proxy while it held a batch, not at the wait's end")
        first = try DaemonProcess(arguments: cityArguments, executable: "onewindow-city")
        proxyA.setUpstream(first.port)
        // PostgreSQL stops; the halls serve on and the city answers 503 meanwhile.
        cluster.stop(immediately: true)
        let stoppedAt = Date()
        try halls["a"]!.play(4)
        try halls["b"]!.play(4)
        // Meanwhile hall c lives through to its next day cut off (its network returns after the
        // outage: the jump's early attempt fails well before, so its next comes soon after).
        try clockC.advance(86_400)
        try halls["c"]!.play(6)
        // Cut off, hall c says how far behind the city is: its day's events, a day old.
        // Its sender records each failed attempt as it ends: under a loaded machine the attempt
        // the jump set off may still be under way at the first read, so read until one is told.
        var health: [String: Any]?
        #expect(
            try waitUntil(seconds: 15, interval: 0.1) {
                health = try halls["c"]!.client.get("/healthz").json["city"] as? [String: Any]
                return health?["lastError"] as? String != nil
            }, "\(health ?? [:])")
        #expect((health?["eventsBehind"] as? Int ?? 0) > 0, "\(health ?? [:])")
        #expect((health?["oldestSeconds"] as? Int ?? 0) >= 86_400, "\(health ?? [:])")
        // The same in Prometheus, labelled with the hall, within a second although the sender
        // waits up to a minute between attempts.
        var series: [Substring] = []
        func value(_ name: String) -> Double? {
            series.first { $0.hasPrefix("\(name){hall=\"c\"} ") }.flatMap { $0.split(separator: " ").last }
                .flatMap { Double($0) }
        }
        let shown = try waitUntil(seconds: 5, interval: 0.1) {
            series = try halls["c"]!.client.get("/metrics").text.split(separator: "\n").filter {
                $0.hasPrefix("onewindow_city_")
            }
            return value("onewindow_city_events_behind") == Double(health?["eventsBehind"] as? Int ?? -1)
                && value("onewindow_city_oldest_behind_seconds") ?? 0 >= 86_400
        }
        #expect(shown, "\(series)")
        let lastDay = calendar.day(of: clockC.read())
        #expect(lastDay != firstDay, "hall c lived into its next day")
        while Date().timeIntervalSince(stoppedAt) < 30 { Thread.sleep(forTimeInterval: 0.2) }
        try cluster.start()
        proxyC.setUpstream(second.port)

        // Halls a and b wait at most 32 s between attempts after PostgreSQL's 30 s; hall c, failing
        // since it started, up to the maximum of 60 s (its clock's jump ended a wait early).
        for id in ["a", "b", "c"] {
            #expect(
                try waitUntil(seconds: id == "c" ? 75 : 40, interval: 0.1) { try halls[id]!.eventsBehind() == 0 },
                "hall \(id) caught up")
        }
        #expect(proxyB.dropped.count == 3, "answers were lost and the batches sent again")
        // The daemons' live figures count waits from unrounded clocks; restarted, they fold the
        // stored log, as the city does. Stopped, each hall's log is read from its own database.
        var logs: [String: [StoredEvent]] = [:]
        for id in ["a", "b", "c"] {
            daemons[id]!.signal(SIGTERM)
            #expect(daemons[id]!.waitForExit() == 0, "hall \(id) stopped cleanly")
            logs[id] = try Storage.openReadOnly(path: directory.path("hall-\(id).sqlite")).queueEvents()
            try startDaemon(id)
        }
        // Hall c's own clock put its events on two hall days: 12 tickets on the first, 6 on the next.
        let issuedByDay = Dictionary(grouping: logs["c"]!.filter { $0.event.kind == .issued }) { $0.event.hallDay }
        #expect(issuedByDay.mapValues(\.count) == [firstDay: 12, lastDay: 6], "\(issuedByDay.keys)")
        #expect(Set(logs["c"]!.compactMap(\.event.hallDay)) == [firstDay, lastDay])
        let query = "from=\(firstDay)&to=\(lastDay)"
        let report = try first.client.get(
            "/api/v1/city/metrics?\(query)", headers: ["Authorization": "Bearer \(reader)"])
        #expect(report.status == 200, "\(report.text)")
        let cityHalls = report.json["halls"] as? [[String: Any]] ?? []
        var sum: [String: Int] = [:]
        let counted = [
            "ticketsIssued", "visitsServed", "noShows", "expired", "casesClosed", "casesOpen", "casesCancelled",
            "firstVisits", "firstVisitResolved",
        ]
        for id in ["a", "b", "c"] {
            let own = try halls[id]!.client.get(
                "/api/v1/metrics?\(query)", headers: ["Authorization": "Bearer \(halls[id]!.admin)"])
            #expect(own.status == 200, "\(own.text)")
            let mine = CityEqualityTests.figures(try JSONSerialization.jsonObject(with: own.body))
            let theirs = CityEqualityTests.figures(cityHalls.first { $0["hallId"] as? String == id })
            #expect(theirs == mine, "hall \(id): \(CityEqualityTests.differences(theirs, mine))")
            for key in counted { sum[key, default: 0] += mine[key] as? Int ?? -1_000 }
            let waits = (mine["waitSeconds"] as? [String: Any])?["count"] as? Int ?? -1_000
            sum["waitSeconds.count", default: 0] += waits
            let log = logs[id] ?? []
            let counts = try CityDatabase.wait { try await store.eventCounts(hallId: id) }
            #expect(counts.rows == counts.distinct, "hall \(id): an event stored twice")
            #expect(counts.rows == log.count && Int64(counts.rows) == log.last?.id, "hall \(id): every event stored")
            let held = try CityDatabase.wait { try await store.halls() }.first { $0.hallId == id }?.heldSeq ?? 0
            #expect(Int64(counts.rows) == held, "hall \(id): held \(held), stored \(counts.rows)")
        }
        let total = report.json["city"] as? [String: Any] ?? [:]
        for key in counted { #expect(total[key] as? Int == sum[key], "the city's \(key)") }
        #expect((total["waitSeconds"] as? [String: Any])?["count"] as? Int == sum["waitSeconds.count"])
        #expect(sum["ticketsIssued"] == 12 * 3 + 8 + 4 + 4 + 6)
    }
}

/// Whether the proxy killed the city service while it held a batch.
private final class KilledMidBatch: Sendable {
    let value = Mutex(false)
}
