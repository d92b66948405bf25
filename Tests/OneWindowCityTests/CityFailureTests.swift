import Foundation
import OneWindowApp
import OneWindowCity
import OneWindowCore
import OneWindowTesting
import Synchronization
import Testing

/// The city as it runs: hall daemons and city services as processes on one PostgreSQL
/// cluster, through failures, then the figures compared with the halls' own.
@Suite("The city through failures", .serialized, .timeLimit(.minutes(3)))
struct CityFailureTests {
    /// One hall's tokens and how to reach it.
    struct Hall {
        var id: String
        var client: TestHTTPClient
        var kiosk: String
        var clerk: String
        var admin: String

        func send(_ path: String, _ token: String, _ json: String = "") throws -> TestResponse {
            try client.send(
                "POST", path, headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: Data(json.utf8))
        }

        /// `count` tickets issued, called and ended (completed, needs more, no-show in turn).
        func play(_ count: Int) throws {
            let services = ["T-JZ-001", "T-HY-001", "T-JZ-002"]
            for index in 0..<count {
                let issued = try send("/api/v1/tickets", kiosk, #"{"serviceId":"\#(services[index % 3])"}"#)
                #expect(issued.status == 201, "\(id): \(issued.text)")
                let called = try send("/api/v1/windows/1/call-next", clerk)
                #expect(called.status == 200, "\(id): \(called.status) \(called.text)")
                guard let ticket = called.json["ticket"] as? [String: Any], let ticketId = ticket["id"] as? String
                else { continue }
                let ended: TestResponse
                switch index % 4 {
                case 3:
                    for _ in 0..<2 { _ = try send("/api/v1/windows/1/recall", clerk) }
                    ended = try send("/api/v1/tickets/\(ticketId)/no-show", clerk, #"{"window":"1"}"#)
                case 2:
                    ended = try send(
                        "/api/v1/tickets/\(ticketId)/complete", clerk,
                        #"{"window":"1","outcome":"needs_more","missingMaterials":["m1"]}"#)
                default:
                    ended = try send(
                        "/api/v1/tickets/\(ticketId)/complete", clerk, #"{"window":"1","outcome":"completed"}"#)
                }
                #expect(ended.status == 200, "\(id): \(ended.status) \(ended.text)")
            }
        }

        /// How far behind the city is, from `/healthz`.
        func eventsBehind() throws -> Int? {
            let health = try client.get("/healthz").json
            return (health["city"] as? [String: Any])?["eventsBehind"] as? Int
        }
    }

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

        // Halls a and b: daemons. Hall c: in this process on a manual clock, to live a day.
        var daemons: [String: DaemonProcess] = [:]
        var halls: [String: Hall] = [:]
        func startDaemon(_ id: String, proxy: UInt16) throws {
            let path = directory.path("hall-\(id).sqlite")
            if halls[id] == nil {
                halls[id] = Hall(
                    id: id, client: TestHTTPClient(port: 1), kiosk: try Self.token("kiosk", "kiosk", database: path),
                    clerk: try Self.token("clerk", "clerk-1", database: path, window: "1"),
                    admin: try Self.token("admin", "manager", database: path))
            }
            let daemon = try DaemonProcess(arguments: [
                "--catalogue", Fixtures.validCatalogue, "--database", path, "--closing-time", "none", "--no-show-after",
                "0",
                "--city-url", "http://127.0.0.1:\(proxy)", "--hall-id", id, "--city-token-file", tokenFiles[id]!,
            ])
            daemons[id] = daemon
            halls[id]?.client = daemon.client
        }
        try startDaemon("a", proxy: proxyA.port)
        try startDaemon("b", proxy: proxyB.port)
        defer {
            for daemon in daemons.values {
                daemon.signal(SIGTERM)
                _ = daemon.waitForExit()
            }
        }
        let clock = ManualClock(Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)))
        let tokenC = try String(contentsOfFile: tokenFiles["c"]!, encoding: .utf8).trimmingCharacters(in: .newlines)
        let hallC = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.clock = { clock.read() }
            $0.cityExport = CityExport(url: URL(string: "http://127.0.0.1:\(proxyC.port)")!, hallId: "c", token: tokenC)
        }
        defer { hallC.stop() }
        halls["c"] = Hall(
            id: "c", client: hallC.client, kiosk: try hallC.createToken(role: .kiosk, name: "kiosk"),
            clerk: try hallC.createToken(role: .clerk, name: "clerk-1", window: "1"),
            admin: try hallC.createToken(role: .admin, name: "manager"))
        let firstDay = HallCalendar(timeZone: "Asia/Shanghai").day(of: clock.read())

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
        while Date().timeIntervalSince(stoppedAt) < 30 { Thread.sleep(forTimeInterval: 0.2) }
        try cluster.start()
        // Hall c lives through to its next day cut off, then its network returns.
        clock.advance(86_400)
        try halls["c"]!.play(6)
        // Cut off, hall c says how far behind the city is: its day's events, a day old.
        let health = try hallC.client.get("/healthz").json["city"] as? [String: Any]
        #expect((health?["eventsBehind"] as? Int ?? 0) > 0, "\(health ?? [:])")
        #expect((health?["oldestSeconds"] as? Int ?? 0) >= 86_400, "\(health ?? [:])")
        #expect(health?["lastError"] as? String != nil, "\(health ?? [:])")
        let prometheus = try hallC.client.get("/metrics").text
        #expect(
            prometheus.split(separator: "\n").contains {
                $0.hasPrefix("onewindow_city_events_behind ") && !$0.hasSuffix(" 0") && !$0.hasSuffix(" 0.0")
            }, "\(prometheus.split(separator: "\n").filter { $0.contains("city") })")
        #expect(prometheus.contains("onewindow_city_oldest_behind_seconds "))
        proxyC.setUpstream(second.port)
        let lastDay = HallCalendar(timeZone: "Asia/Shanghai").day(of: clock.read())

        for id in ["a", "b", "c"] {
            #expect(
                try waitUntil(seconds: 40, interval: 0.1) { try halls[id]!.eventsBehind() == 0 }, "hall \(id) caught up"
            )
        }
        #expect(proxyB.dropped.count == 3, "answers were lost and the batches sent again")
        // The daemons' live figures count waits from unrounded clocks; restarted, they fold the
        // stored log, as the city does.
        for id in ["a", "b"] {
            daemons[id]!.signal(SIGTERM)
            _ = daemons[id]!.waitForExit()
            try startDaemon(id, proxy: id == "a" ? proxyA.port : proxyB.port)
        }
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
            let log = id == "c" ? try hallC.application.state.storage.lastQueueEventId() : nil
            let counts = try CityDatabase.wait { try await store.eventCounts(hallId: id) }
            #expect(counts.rows == counts.distinct, "hall \(id): an event stored twice")
            if let log { #expect(Int64(counts.rows) == log, "hall c: every event stored") }
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
