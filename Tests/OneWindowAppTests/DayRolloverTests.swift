import Foundation
import OneWindowTesting
import Testing

/// The hall's day ends at local midnight, with an injected clock instead of waiting for it.
@Suite("Day rollover", .timeLimit(.minutes(2)))
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

    @Test("a clock stepped back across midnight keeps the new day: its tickets wait, answer, and numbers continue")
    func clockSteppedBack() throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_881_540))  // 2026-11-28 23:59 in Shanghai
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.clock = { clock.read() } }
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        #expect(try app.issue(token: kiosk, service: "T-JZ-001").json["number"] as? String == "C001")
        clock.advance(120)  // 00:01 on the 29th: a new day
        let today = try app.issue(token: kiosk, service: "T-JZ-001").json
        #expect(today["number"] as? String == "C001")
        let id = try #require(today["id"] as? String)
        clock.advance(-180)  // back to 23:58 on the 28th
        for _ in 0..<3 {
            let ticket = try app.client.get("/api/v1/tickets/\(id)")
            #expect(ticket.status == 200 && ticket.json["status"] as? String == "waiting", "\(ticket.text)")
            let next = try app.issue(token: kiosk, service: "T-JZ-001")
            #expect(next.status == 201, "\(next.text)")
            clock.advance(1)
        }
        #expect(try app.client.get("/api/v1/queue").json["day"] as? String == "2026-11-29")
        let numbers = try app.application.state.storage.tickets(day: "2026-11-29").map(\.number).sorted()
        #expect(numbers == ["C001", "C002", "C003", "C004"])
        #expect(try app.application.state.storage.tickets(day: "2026-11-29").allSatisfy { $0.status == .waiting })
    }

    @Test("a read after midnight rolls the day over first, even when nothing was written since")
    func readsRollOver() throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_852_800))  // 2026-11-28 16:00 in Shanghai
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.clock = { clock.read() } }
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        let id = try #require(try app.issue(token: kiosk, service: "T-JZ-001").json["id"] as? String)
        clock.advance(9 * 3600)
        let ticket = try app.client.get("/api/v1/tickets/\(id)")
        // Yesterday's ticket is gone from today's queue: the live view no longer has it.
        #expect(ticket.status == 404, "\(ticket.text)")
        #expect(try app.client.get("/api/v1/queue").json["day"] as? String == "2026-11-29")
        #expect(try app.application.state.storage.tickets(day: "2026-11-28").first?.status == .expired)
    }
}
