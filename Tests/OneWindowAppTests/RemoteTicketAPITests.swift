import Foundation
import GRDB
import OneWindowApp
import OneWindowStorage
import OneWindowTesting
import Testing

/// 线上取号 over HTTP against the real daemon: `POST /api/v1/remote-tickets` with a verified
/// phone, the kiosk check-in with the ticket's code, the skip rule, and the messages to a real
/// receiver on 127.0.0.1. The hall's clock reads Friday 2026-11-27, 10:00 (closing 17:30).
@Suite("Remote tickets (线上取号) over HTTP", .timeLimit(.minutes(2)))
struct RemoteTicketAPITests {
    static let phone = "13800138000"

    /// Asks a code for `phone`, reads it at the receiver, and takes a remote ticket with it.
    static func take(
        _ hall: BookingHall, _ phone: String = phone, service: String = "T-HY-001", receiver: PushReceiver
    ) throws -> TestResponse {
        let before = receiver.deliveries.count
        #expect(try hall.askCode(phone).status == 202)
        let code = try #require(BookingHall.code(for: phone, in: receiver, after: before))
        return try hall.post(
            "/api/v1/remote-tickets", json: #"{"serviceId":"\#(service)","phone":"\#(phone)","code":"\#(code)"}"#)
    }

    static func message(_ response: TestResponse) -> String? {
        (response.json["error"] as? [String: Any])?["message"] as? String
    }

    static func ticket(_ response: TestResponse) -> [String: Any] { response.json["ticket"] as? [String: Any] ?? [:] }

    @Test("a verified phone gets a remote ticket on disk with its page and check-in code; a second that day is 409")
    func takeOnePerDay() throws {
        let notifier = try PushReceiver()
        defer { notifier.stop() }
        let hall = try BookingHall(notifyPort: notifier.port)
        defer { hall.stop() }
        let taken = try Self.take(hall, receiver: notifier)
        #expect(taken.status == 201, "\(taken.text)")
        let ticket = Self.ticket(taken)
        let id = try #require(ticket["id"] as? String)
        #expect(ticket["channel"] as? String == "remote" && ticket["status"] as? String == "waiting")
        #expect(taken.json["link"] as? String == "/t/\(id)")
        let checkInCode = try #require(taken.json["checkInCode"] as? String)
        #expect(checkInCode.count == 8)
        // On disk, with the phone sealed, before the 201.
        let stored = try hall.storage.loadQueue(day: "2026-11-27")
        #expect(stored.tickets.first { $0.id == id }?.channel == .remote)
        #expect(stored.remoteTickets.map(\.ticketId) == [id] && stored.remoteTickets.first?.checkInCode == checkInCode)
        #expect(notifier.wait { $0.contains { $0.json["template"] as? String == "remote_ticket_taken" } })
        let told = try #require(notifier.deliveries.last { $0.json["template"] as? String == "remote_ticket_taken" })
        let text = try #require(told.json["text"] as? String)
        #expect(text.contains(checkInCode) && text.contains("/t/\(id)") && !text.contains("{"))
        #expect(told.json["to"] as? String == Self.phone)
        let second = try Self.take(hall, receiver: notifier)
        #expect(second.status == 409 && second.errorCode == "remote_ticket_taken", "\(second.text)")
        #expect(Self.message(second)?.contains(ticket["number"] as? String ?? "?") == true)
        let other = try Self.take(hall, "13900139000", receiver: notifier)
        #expect(other.status == 201, "\(other.text)")
    }

    @Test("hostile requests: a bad phone, a wrong code, unknown or hall-less services, a malformed body")
    func hostile() throws {
        let notifier = try PushReceiver()
        defer { notifier.stop() }
        let hall = try BookingHall(notifyPort: notifier.port)
        defer { hall.stop() }
        func take(_ json: String) throws -> TestResponse { try hall.post("/api/v1/remote-tickets", json: json) }
        let badPhone = try take(#"{"serviceId":"T-HY-001","phone":"12345","code":"123456"}"#)
        #expect(badPhone.status == 422 && badPhone.errorCode == "invalid_phone", "\(badPhone.text)")
        #expect(try hall.askCode(Self.phone).status == 202)
        let code = try #require(BookingHall.code(for: Self.phone, in: notifier))
        let wrong = code == "000000" ? "111111" : "000000"
        let refused = try take(#"{"serviceId":"T-HY-001","phone":"\#(Self.phone)","code":"\#(wrong)"}"#)
        #expect(refused.status == 403 && refused.errorCode == "verification_code_invalid", "\(refused.text)")
        let unknown = try take(#"{"serviceId":"NOPE","phone":"\#(Self.phone)","code":"\#(code)"}"#)
        #expect(unknown.status == 404 && unknown.errorCode == "service_not_found", "\(unknown.text)")
        let notInHall = try take(#"{"serviceId":"T-JZ-001","phone":"\#(Self.phone)","code":"\#(code)"}"#)
        #expect(notInHall.status == 409 && notInHall.errorCode == "service_not_in_hall", "\(notInHall.text)")
        let malformed = try take(#"{"serviceId":"T-HY-001","phone":"\#(Self.phone)"}"#)
        #expect(malformed.status == 400, "\(malformed.text)")
        // None of these used the code: it still takes the ticket.
        let ok = try take(#"{"serviceId":"T-HY-001","phone":"\#(Self.phone)","code":"\#(code)"}"#)
        #expect(ok.status == 201, "\(ok.text)")
        #expect(try hall.storage.loadQueue(day: "2026-11-27").tickets.count == 1)
    }

    @Test("after closing the hall is closed; near closing a turn past it is refused with the wait")
    func closing() throws {
        let notifier = try PushReceiver()
        defer { notifier.stop() }
        let hall = try BookingHall(notifyPort: notifier.port) { $0.closingTime = (17, 30) }
        defer { hall.stop() }
        let kiosk = try hall.app.createToken(role: .kiosk, name: "kiosk-1")
        var last: TestResponse?
        for _ in 0..<6 { last = try hall.app.issue(token: kiosk, service: "T-HY-001") }
        // A ticket taken now waits at least as long as the last walk-in; half that before the
        // 17:30 closing, its turn comes after it.
        let wait = try #require(last?.json["estimatedWaitSeconds"] as? Int)
        #expect(wait >= 2)
        hall.clock.advance(Double(7 * 3600 + 30 * 60 - wait / 2))
        let late = try Self.take(hall, receiver: notifier)
        #expect(late.status == 422 && late.errorCode == "turn_after_closing", "\(late.text)")
        #expect(Self.message(late)?.contains("分钟") == true)
        hall.clock.advance(Double(wait / 2 + 5 * 60))  // 17:35
        let closed = try Self.take(hall, receiver: notifier)
        #expect(closed.status == 422 && closed.errorCode == "hall_closed_now", "\(closed.text)")
        #expect(try hall.storage.loadQueue(day: "2026-11-27").remoteTickets.isEmpty)
    }

    @Test("call-next skips a remote ticket until its code is checked in at a kiosk; then it is called and told")
    func skippedUntilCheckedIn() throws {
        let notifier = try PushReceiver()
        defer { notifier.stop() }
        let hall = try BookingHall(notifyPort: notifier.port)
        defer { hall.stop() }
        let taken = try Self.take(hall, receiver: notifier)
        #expect(taken.status == 201, "\(taken.text)")
        let remoteId = try #require(Self.ticket(taken)["id"] as? String)
        let checkInCode = try #require(taken.json["checkInCode"] as? String)
        let kiosk = try hall.app.createToken(role: .kiosk, name: "kiosk-1")
        hall.clock.advance(60)
        let walkIn = try hall.app.issue(token: kiosk, service: "T-HY-001")
        let clerk = try hall.app.createToken(role: .clerk, name: "window-2", window: "2")
        let first = try hall.app.post("/api/v1/windows/2/call-next", token: clerk, json: "")
        #expect(Self.ticket(first)["id"] as? String == walkIn.json["id"] as? String, "the remote ticket is away")
        let walkInId = try #require(walkIn.json["id"] as? String)
        _ = try hall.app.post(
            "/api/v1/tickets/\(walkInId)/complete", token: clerk, json: #"{"window":"2","outcome":"completed"}"#)
        #expect(try hall.app.post("/api/v1/windows/2/call-next", token: clerk, json: "").status == 204)
        let wrongCode = try hall.app.post("/api/v1/appointments/ZZZZZZZZ/check-in", token: kiosk, json: "{}")
        #expect(wrongCode.status == 404 && wrongCode.errorCode == "booking_not_found")
        let checkedIn = try hall.app.post(
            "/api/v1/appointments/\(checkInCode.lowercased())/check-in", token: kiosk, json: "{}")
        #expect(checkedIn.status == 201, "\(checkedIn.text)")
        #expect(checkedIn.json["arrival"] as? String == "remote" && checkedIn.json["booking"] == nil)
        #expect(Self.ticket(checkedIn)["id"] as? String == remoteId && Self.ticket(checkedIn)["evaluationCode"] != nil)
        let called = try hall.app.post("/api/v1/windows/2/call-next", token: clerk, json: "")
        #expect(Self.ticket(called)["id"] as? String == remoteId, "\(called.text)")
        #expect(notifier.wait { $0.contains { $0.json["template"] as? String == "ticket_called" } })
        let told = try #require(notifier.deliveries.last { $0.json["template"] as? String == "ticket_called" })
        #expect(told.json["to"] as? String == Self.phone)
    }

    @Test("a remote ticket whose write fails gets 503 and exists nowhere; the phone may try again")
    func writeFails() throws {
        let notifier = try PushReceiver()
        defer { notifier.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("faulty.sqlite"), configuration: Storage.configuration())
        let storage = try Storage(writer: pool)
        let hall = try BookingHall(notifyPort: notifier.port) { $0.storage = storage }
        defer { hall.stop() }
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER inject_fault BEFORE INSERT ON remote_ticket
                    BEGIN SELECT RAISE(ABORT, 'injected fault'); END
                    """)
        }
        let failed = try Self.take(hall, receiver: notifier)
        #expect(failed.status == 503, "\(failed.text)")
        #expect(try storage.loadQueue(day: "2026-11-27").tickets.isEmpty)
        #expect(hall.app.application.state.queue.read { $0.tickets.isEmpty && $0.remoteTickets.isEmpty })
        try pool.write { db in try db.execute(sql: "DROP TRIGGER inject_fault") }
        let again = try Self.take(hall, receiver: notifier)
        #expect(again.status == 201, "\(again.text)")
    }
}
