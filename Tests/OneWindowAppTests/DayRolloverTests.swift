import Foundation
import OneWindowTesting
import Testing

/// The hall's day ends at local midnight, with an injected clock instead of waiting for it.
@Suite("Day rollover")
struct DayRolloverTests {
    @Test("after local midnight numbers restart at 001 and yesterday's open tickets are expired")
    func rollover() throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_852_800))  // 2026-11-28 16:00 in Shanghai
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.clock = { clock.read() } }
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        func issue() throws -> [String: Any] {
            try app.client.send(
                "POST", "/api/v1/tickets",
                headers: ["Authorization": "Bearer \(kiosk)", "Content-Type": "application/json"],
                body: Data(#"{"serviceId":"T-JZ-001"}"#.utf8)
            ).json
        }
        let yesterday = try issue()
        #expect(yesterday["number"] as? String == "C001")
        #expect(try issue()["number"] as? String == "C002")
        #expect(try app.client.get("/api/v1/queue").json["day"] as? String == "2026-11-28")
        clock.advance(9 * 3600)  // 01:00 on 2026-11-29 in Shanghai
        let today = try issue()
        #expect(today["number"] as? String == "C001")
        #expect(try app.client.get("/api/v1/queue").json["day"] as? String == "2026-11-29")
        let old = try app.application.state.storage.tickets(day: "2026-11-28")
        #expect(old.count == 2 && old.allSatisfy { $0.status == .expired })
    }
}
