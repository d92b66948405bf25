import Foundation
import OneWindowTesting
import Testing

/// A no-show only after the applicant had time to come, and the counts a window's console shows.
@Suite("No-show timing and a window's waiting count over HTTP", .timeLimit(.minutes(2)))
struct NoShowAPITests {
    let app: TestApplication
    let clock: ManualClock
    let kiosk: String
    let clerk: String

    init() throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_744_800))  // Friday 2026-11-27, 10:00 in Shanghai
        self.clock = clock
        app = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.clock = { clock.read() }
            $0.noShowAfter = 90
        }
        kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
        clerk = try app.createToken(role: .clerk, name: "window-1")
    }

    /// A clerk's POST, with a JSON body when given.
    func post(_ target: String, _ json: String? = nil) throws -> TestResponse {
        guard let json else {
            return try app.client.send("POST", target, headers: ["Authorization": "Bearer \(clerk)"])
        }
        return try app.post(target, token: clerk, json: json)
    }

    func ticket(_ response: TestResponse) -> [String: Any] {
        response.json["ticket"] as? [String: Any] ?? [:]
    }

    @Test("three calls in 3 s and a no-show get 409 too_soon_for_no_show with the seconds left; at 90 s it is allowed")
    func tooSoon() throws {
        defer { app.stop() }
        let id = try #require(try app.issue(token: kiosk, service: "T-JZ-001").json["id"] as? String)
        let called = try post("/api/v1/windows/1/call-next")
        #expect(ticket(called)["secondsBeforeNoShow"] as? Int == 90)
        clock.advance(1)
        #expect(ticket(try post("/api/v1/windows/1/recall"))["secondsBeforeNoShow"] as? Int == 89)
        clock.advance(1)
        let recalled = try post("/api/v1/windows/1/recall")
        #expect(ticket(recalled)["callCount"] as? Int == 3 && ticket(recalled)["secondsBeforeNoShow"] as? Int == 88)
        clock.advance(1)
        let early = try post("/api/v1/tickets/\(id)/no-show", #"{"window":"1"}"#)
        #expect(early.status == 409 && early.errorCode == "too_soon_for_no_show", "\(early.text)")
        #expect((early.json["error"] as? [String: Any])?["retryAfterSeconds"] as? Int == 87)
        #expect(early.headers["retry-after"] == "87")
        // Nothing changed: the ticket is still called to window 1.
        let still = try app.client.get("/api/v1/tickets/\(id)", headers: ["Authorization": "Bearer \(clerk)"])
        #expect(ticket(still).isEmpty && still.json["status"] as? String == "called")
        #expect(still.json["secondsBeforeNoShow"] as? Int == 87)
        // The public view has no countdown: it is the clerk's.
        #expect(try app.client.get("/api/v1/tickets/\(id)").json["secondsBeforeNoShow"] == nil)
        clock.advance(87)
        let gone = try post("/api/v1/tickets/\(id)/no-show", #"{"window":"1"}"#)
        #expect(gone.status == 200 && ticket(gone)["status"] as? String == "no_show", "\(gone.text)")
    }

    @Test("the calls are still counted first: one call and 90 s is too_few_calls")
    func callsFirst() throws {
        defer { app.stop() }
        let id = try #require(try app.issue(token: kiosk, service: "T-JZ-001").json["id"] as? String)
        _ = try post("/api/v1/windows/1/call-next")
        clock.advance(120)
        let early = try post("/api/v1/tickets/\(id)/no-show", #"{"window":"1"}"#)
        #expect(early.status == 409 && early.errorCode == "too_few_calls")
    }

    @Test("GET /api/v1/queue gives each window what it can call, not its letters' counts")
    func callablePerWindow() throws {
        defer { app.stop() }
        let first = try #require(try app.issue(token: kiosk, service: "T-JZ-001").json["id"] as? String)
        clock.advance(1)
        _ = try app.issue(token: kiosk, service: "T-JZ-001")
        clock.advance(1)
        _ = try app.issue(token: kiosk, service: "T-HY-001")
        #expect(try post("/api/v1/windows/1/call-next").status == 200)
        // C001 goes to marriage registration and keeps its number: letter A has 1, window 2 can call 2.
        let moved = try post("/api/v1/tickets/\(first)/transfer", #"{"window":"1","serviceId":"T-HY-001"}"#)
        #expect(moved.status == 200, "\(moved.text)")
        let queue = try app.client.get("/api/v1/queue").json
        let letters = Dictionary(
            uniqueKeysWithValues: (queue["queues"] as? [[String: Any]] ?? []).map {
                ($0["prefix"] as? String ?? "", $0["waiting"] as? Int ?? -1)
            })
        #expect(letters == ["A": 1, "C": 2])
        let windows = Dictionary(
            uniqueKeysWithValues: (queue["windows"] as? [[String: Any]] ?? []).map {
                ($0["id"] as? String ?? "", $0["callable"] as? Int ?? -1)
            })
        #expect(windows == ["1": 3, "2": 2])
    }
}
