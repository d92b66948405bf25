import Foundation
import GRDB
import OneWindowApp
import OneWindowStorage
import OneWindowTesting
import Synchronization
import Testing

/// What keeps one client, or a flood, from taking the daemon: deadlines, limits, bounds.
@Suite("Bounded resources", .timeLimit(.minutes(2)))
struct ResourceLimitTests {
    /// An app whose database makes every T-JZ-002 ticket's write take `seconds`.
    func slowApp(seconds: Double, _ configure: @escaping (inout AppConfiguration) -> Void) throws
        -> TestApplication
    {
        let directory = try TemporaryDirectory()
        var configuration = Storage.configuration()
        configuration.prepareDatabase { db in
            db.add(
                function: DatabaseFunction("onewindow_sleep", argumentCount: 1, pure: false) { values in
                    Thread.sleep(forTimeInterval: Double.fromDatabaseValue(values[0]) ?? 0)
                    return nil
                })
        }
        let pool = try DatabasePool(path: directory.path("slow.sqlite"), configuration: configuration)
        let storage = try Storage(writer: pool)
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER slow_write BEFORE INSERT ON ticket WHEN NEW.service_id = 'T-JZ-002'
                    BEGIN SELECT onewindow_sleep(\(seconds)); END
                    """)
        }
        return try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.storage = storage
            configure(&$0)
        }
    }

    @Test("a write whose commit does not come in time gets 503 commit_timeout; a retry with its key gets the ticket")
    func answerDeadline() throws {
        let app = try slowApp(seconds: 2) { $0.http.answerTimeoutSeconds = 0.5 }
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        let late = try app.issue(token: kiosk, service: "T-JZ-002", key: "slow")
        #expect(late.status == 503 && late.errorCode == "commit_timeout", "\(late.text)")
        #expect(late.headers["retry-after"] == "1")
        var retry = try app.issue(token: kiosk, service: "T-JZ-002", key: "slow")
        for _ in 0..<20 where retry.status != 201 {
            Thread.sleep(forTimeInterval: 0.25)
            retry = try app.issue(token: kiosk, service: "T-JZ-002", key: "slow")
        }
        #expect(retry.status == 201 && retry.json["number"] as? String == "C001", "\(retry.text)")
        // The registry forgets a suspension just after its answer is handed over: poll briefly.
        var suspended = app.application.connections.suspended
        for _ in 0..<100 where suspended > 0 {
            Thread.sleep(forTimeInterval: 0.01)
            suspended = app.application.connections.suspended
        }
        #expect(suspended == 0)
    }

    @Test("a full inbox answers 503 server_busy with Retry-After, and what it took is answered")
    func boundedInbox() throws {
        let app = try slowApp(seconds: 1) { $0.inboxCapacity = 2 }
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        let statuses = Mutex<[Int]>([])
        let finished = TestApplication.concurrently(10) { index in
            // The first blocks the commit thread; the rest pile up behind it.
            if index > 0 { Thread.sleep(forTimeInterval: 0.2) }
            let response = try? app.issue(token: kiosk, service: index == 0 ? "T-JZ-002" : "T-JZ-001")
            statuses.withLock { $0.append(response?.status ?? 0) }
            if response?.status == 503 {
                #expect(response?.errorCode == "server_busy" && response?.headers["retry-after"] == "1")
            }
        }
        #expect(finished, "the concurrent requests did not finish in time")
        let seen = statuses.withLock { $0 }
        #expect(seen.count == 10 && seen.allSatisfy { $0 == 201 || $0 == 503 }, "\(seen)")
        #expect(seen.contains(503), "\(seen)")
        let stored = try app.application.state.storage.tickets(day: app.application.state.queue.read(\.day))
        #expect(stored.count == seen.filter { $0 == 201 }.count)
    }

    @Test("a client that trickles its headers is cut off after the request deadline")
    func slowloris() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.http.requestTimeoutSeconds = 1 }
        defer { app.stop() }
        let slow = try RawConnection(port: app.port)
        slow.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        var cut = false
        for index in 0..<40 where !cut {
            slow.send("X-Slow-\(index): a\r\n")
            cut = slow.waitForClose(seconds: 0.2)
        }
        #expect(cut, "the server kept a connection that never finished its headers")
        let idle = try RawConnection(port: app.port)
        #expect(idle.waitForClose(seconds: 8), "a connection that sent nothing stayed open")
        #expect(try app.client.get("/healthz").status == 200)
    }

    @Test("one client address may hold only so many connections; the others are refused")
    func perClientLimit() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.http.perClientConnectionLimit = 4 }
        defer { app.stop() }
        let held = try (0..<4).map { _ in try RawConnection(port: app.port) }
        for connection in held { _ = try connection.request("GET", "/healthz") }
        let extra = try RawConnection(port: app.port)
        #expect(extra.waitForClose(seconds: 5), "a fifth connection from one address was kept")
        held[0].close()
        var answered = false
        for _ in 0..<50 where !answered {
            answered = (try? app.client.get("/healthz").status) == 200
            if !answered { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(answered)
    }

    @Test("boards that connect and vanish are let go within seconds, not at the next heartbeat")
    func vanishingBoards() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.boardHeartbeatSeconds = 60 }
        defer { app.stop() }
        for _ in 0..<30 {
            let board = try EventStreamClient(port: app.port, path: "/api/v1/events")
            #expect(board.read(until: "event: state"))
        }
        var open = app.application.connections.open
        for _ in 0..<100 where open > 0 {
            Thread.sleep(forTimeInterval: 0.1)
            open = app.application.connections.open
        }
        #expect(open == 0, "\(open) connections still open")
        #expect(app.application.state.queue.hub.boardCount == 0)
    }
}
