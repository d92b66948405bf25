import Foundation
import GRDB
import OneWindowCore
import OneWindowStorage
import OneWindowTesting
import Testing

/// The closing time ends the day by itself: open tickets expire without anyone asking.
@Suite("Closing time", .timeLimit(.minutes(2)))
struct ClosingTimeTests {
    @Test("at the configured closing time, waiting tickets expire and the day's numbers go on")
    func expiresAtClosingTime() throws {
        // Run the hall's clock so that the next hall-local minute starts half a second from now,
        // and close at that minute: the daemon's own timer must fire within about half a second.
        let shanghai = 8 * 3600.0
        let real = Date().timeIntervalSince1970
        let hallSeconds = real + shanghai
        let offset = (hallSeconds / 60).rounded(.up) * 60 - hallSeconds - 0.5
        let closing = Date(timeIntervalSince1970: real + offset + 0.5)
        let minuteOfDay = Int((closing.timeIntervalSince1970 + shanghai).truncatingRemainder(dividingBy: 86_400) / 60)
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.clock = { Date() + offset }
            $0.closingTime = (minuteOfDay / 60, minuteOfDay % 60)
        }
        defer { app.stop() }
        // (At midnight the day's rollover expires the ticket too, also as "system".)
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        let issued = try app.client.send(
            "POST", "/api/v1/tickets",
            headers: ["Authorization": "Bearer \(kiosk)", "Content-Type": "application/json"],
            body: Data(#"{"serviceId":"T-JZ-001"}"#.utf8)
        ).json
        let id = try #require(issued["id"] as? String)
        var status = ""
        for _ in 0..<500 where status != "expired" {
            status = try app.client.get("/api/v1/tickets/\(id)").json["status"] as? String ?? ""
            if status != "expired" { Thread.sleep(forTimeInterval: 0.01) }
        }
        #expect(status == "expired")
        // The queue in memory changes just before its group commits: wait for the write too.
        var events = try app.application.state.storage.queueEvents().map(\.event)
        for _ in 0..<500 where events.last?.kind != .expired {
            Thread.sleep(forTimeInterval: 0.01)
            events = try app.application.state.storage.queueEvents().map(\.event)
        }
        #expect(
            events.last?.kind == .expired && events.last?.actor == "system",
            "events: \(events.map { "\($0.kind.rawValue) by \($0.actor) at \($0.at)" })")
    }

    @Test("a closing whose commit fails is retried until it succeeds")
    func failedClosingIsRetried() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("closing.sqlite"), configuration: Storage.configuration())
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_852_800))  // 16:00 in Shanghai
        let log = CapturedLog()
        let app = try TestApplication(catalogue: Fixtures.validCatalogue, logger: log.logger()) {
            $0.storage = try? Storage(writer: pool)
            $0.clock = { clock.read() }
            $0.closingTime = (17, 30)
        }
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        let id = try #require(try app.issue(token: kiosk, service: "T-JZ-001").json["id"] as? String)
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER inject_fault BEFORE UPDATE ON ticket WHEN NEW.status = 'expired'
                    BEGIN SELECT RAISE(ABORT, 'injected fault'); END
                    """)
        }
        clock.advance(2 * 3600)  // 18:00: past closing
        _ = try app.client.get("/api/v1/queue")  // wakes nothing by itself; the timer must retry
        // Two failed commits prove the closing was attempted and then retried by the timer: only
        // after that does "the ticket is still waiting" say that the failure left nothing behind.
        let attempts = waitUntil(seconds: 20) {
            log.all.filter { $0.level == .error && $0.message.hasPrefix("queue commit failed") }.count >= 2
        }
        #expect(attempts, "no failed closing was logged twice: \(log.all.map(\.message))")
        #expect(try app.application.state.storage.ticket(id: id)?.status == .waiting)
        try pool.write { try $0.execute(sql: "DROP TRIGGER inject_fault") }
        let expired = try waitUntil(seconds: 20) {
            try app.application.state.storage.ticket(id: id)?.status == .expired
        }
        #expect(expired)
    }
}
