import Foundation
import GRDB
import OneWindowCore
import OneWindowStorage
import OneWindowTesting
import Testing

@testable import OneWindowApp

/// `POST /api/v1/appointments/{code}/check-in` (预约签到) over HTTP: a kiosk turns a booking
/// into a ticket, once; the call order puts it ahead of walk-ins; hostile input and a failed
/// write change nothing.
@Suite("Check-in over HTTP", .timeLimit(.minutes(2)))
struct CheckInAPITests {
    /// A hall with appointments (A: 2 places per 30-minute slot) and bookings K7Q2M9 and
    /// CANCEL1 at 09:00 on Monday 2026-12-14, CASE01 for a return visit of an open case.
    final class Hall: Sendable {
        let app: TestApplication
        let clock: ManualClock
        let pool: DatabasePool
        let kiosk: String
        let directory: TemporaryDirectory

        init(at time: String) throws {
            directory = try TemporaryDirectory()
            clock = ManualClock(CheckInAPITests.at(time))
            pool = try DatabasePool(path: directory.path("hall.sqlite"), configuration: Storage.configuration())
            let storage = try Storage(writer: pool)
            try storage.transaction { transaction in
                try transaction.upsert(CheckInAPITests.booking("K7Q2M9"), phoneSealed: Data([1]))
                var cancelled = CheckInAPITests.booking("CANCEL1")
                cancelled.status = .cancelled
                cancelled.cancelledAt = CheckInAPITests.at("07:00")
                try transaction.upsert(cancelled, phoneSealed: Data([2]))
            }
            let catalogue = try AppointmentSlotsAPITests.catalogue(in: directory)
            let clock = clock
            app = try TestApplication(catalogue: catalogue) {
                $0.storage = storage
                $0.clock = { clock.read() }
            }
            kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
        }

        func checkIn(_ code: String, token: String? = nil, body: String = "{}") throws -> TestResponse {
            try app.post("/api/v1/appointments/\(code)/check-in", token: token ?? kiosk, json: body)
        }

        func stop() {
            app.stop()
            directory.remove()
        }
    }

    static func at(_ time: String) -> Date {
        HallCalendar(timeZone: "Asia/Shanghai").instant(day: "2026-12-14", at: ClockTime(time)!)
    }

    static func booking(_ code: String, caseId: String? = nil) -> Booking {
        Booking(
            code: code, serviceId: "T-HY-001",
            slot: Slot(day: "2026-12-14", start: ClockTime(hour: 9, minute: 0), letter: "A"),
            phoneKey: "key-\(code)", bookedAt: at("07:00") - 86_400 * 3, caseId: caseId)
    }

    static func error(_ response: TestResponse) -> String? {
        (response.json["error"] as? [String: Any])?["code"] as? String
    }

    @Test(
        "inside the window: 201 with an appointment ticket and its receipt code; a second check-in gives the same ticket"
    )
    func inTime() throws {
        let hall = try Hall(at: "08:40")
        defer { hall.stop() }
        let first = try hall.checkIn("K7Q2M9")
        #expect(first.status == 201, "\(first.text)")
        let ticket = try #require(first.json["ticket"] as? [String: Any])
        #expect(ticket["channel"] as? String == "appointment" && ticket["serviceId"] as? String == "T-HY-001")
        #expect((ticket["evaluationCode"] as? String)?.isEmpty == false)
        #expect(first.json["arrival"] as? String == "in_time" && first.json["repeated"] as? Bool == false)
        #expect((first.json["booking"] as? [String: Any])?["start"] as? String == "09:00")
        let id = try #require(ticket["id"] as? String)
        #expect(try hall.app.client.get("/api/v1/tickets/\(id)").json["channel"] as? String == "appointment")
        let again = try hall.checkIn("k7q2m9")
        #expect(again.status == 201 && again.json["repeated"] as? Bool == true, "\(again.text)")
        #expect((again.json["ticket"] as? [String: Any])?["id"] as? String == id)
        let stored = try hall.app.application.state.storage.bookings(fromDay: "2026-12-14")
        #expect(stored.first { $0.code == "K7Q2M9" }?.status == .checkedIn)
        #expect(stored.first { $0.code == "K7Q2M9" }?.ticketId == id)
        let channel = try hall.pool.read { db in
            try String.fetchOne(db, sql: "SELECT channel FROM ticket WHERE id = ?", arguments: [id])
        }
        #expect(channel == "appointment")
    }

    @Test("an appointment ticket is called before an earlier walk-in of its letter")
    func calledAhead() throws {
        let hall = try Hall(at: "08:35")
        defer { hall.stop() }
        let walkIn = try hall.app.issue(token: hall.kiosk, service: "T-HY-001")
        #expect(walkIn.status == 201)
        hall.clock.advance(300)
        let checkIn = try hall.checkIn("K7Q2M9")
        let appointment = try #require((checkIn.json["ticket"] as? [String: Any])?["number"] as? String)
        let clerk = try hall.app.createToken(role: .clerk, name: "clerk-2", window: "2")
        let called = try hall.app.client.send(
            "POST", "/api/v1/windows/2/call-next", headers: ["Authorization": "Bearer \(clerk)"])
        #expect(called.status == 200, "\(called.text)")
        #expect((called.json["ticket"] as? [String: Any])?["number"] as? String == appointment)
        #expect((called.json["ticket"] as? [String: Any])?["channel"] as? String == "appointment")
        // The board reads the channel of the last calls, to mark appointment tickets (约).
        let board = try hall.app.client.get("/api/v1/queue").json
        #expect((board["lastCalls"] as? [[String: Any]])?.first?["channel"] as? String == "appointment")
    }

    @Test("too early: 422 check_in_too_early saying when to come back; too late: 201 with a walk-in ticket")
    func earlyAndLate() throws {
        let hall = try Hall(at: "08:00")
        defer { hall.stop() }
        let early = try hall.checkIn("K7Q2M9")
        #expect(early.status == 422 && Self.error(early) == "check_in_too_early", "\(early.text)")
        let error = try #require(early.json["error"] as? [String: Any])
        #expect((error["message"] as? String)?.contains("08:30") == true)
        #expect(error["retryAfterSeconds"] as? Int == 1800)
        hall.clock.advance(80 * 60)  // 09:20, the window closed at 09:15
        let late = try hall.checkIn("K7Q2M9")
        #expect(late.status == 201, "\(late.text)")
        #expect(late.json["arrival"] as? String == "late")
        #expect((late.json["ticket"] as? [String: Any])?["channel"] as? String == "walk_in")
        #expect((late.json["message"] as? String)?.contains("现场取号") == true)
    }

    @Test(
        "hostile check-ins: no token 401, a clerk 403, a bad body 400, a bad code 400, unknown 404, cancelled 409"
    )
    func hostile() throws {
        let hall = try Hall(at: "08:45")
        defer { hall.stop() }
        let clerk = try hall.app.createToken(role: .clerk, name: "clerk-1", window: "1")
        let none = try hall.app.client.send(
            "POST", "/api/v1/appointments/K7Q2M9/check-in", headers: ["Content-Type": "application/json"],
            body: Data("{}".utf8))
        #expect(none.status == 401)
        #expect(try hall.checkIn("K7Q2M9", token: "ow_unknown").status == 401)
        #expect(try hall.checkIn("K7Q2M9", token: clerk).status == 403)
        #expect(Self.error(try hall.checkIn("K7Q2M9", body: "{\"priority\":\"yes\"}")) == "malformed_body")
        #expect(Self.error(try hall.checkIn("K7Q2M9", body: "[")) == "malformed_body")
        #expect(Self.error(try hall.checkIn("K7Q-M9")) == "invalid_parameter")
        #expect(Self.error(try hall.checkIn(String(repeating: "A", count: 65))) == "invalid_parameter")
        #expect(Self.error(try hall.checkIn("%E4%B8%AD")) == "invalid_parameter")
        let unknown = try hall.checkIn("NOPE42")
        #expect(unknown.status == 404 && Self.error(unknown) == "booking_not_found")
        let cancelled = try hall.checkIn("CANCEL1")
        #expect(cancelled.status == 409 && Self.error(cancelled) == "booking_not_live")
        #expect(hall.app.application.state.queue.read(\.tickets).isEmpty, "nothing was issued")
    }

    @Test("a check-in whose write fails is 503 and leaves the booking unchecked; the retry succeeds")
    func failedWrite() throws {
        let hall = try Hall(at: "08:45")
        defer { hall.stop() }
        try hall.pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER inject_fault BEFORE INSERT ON ticket WHEN NEW.channel = 'appointment'
                    BEGIN SELECT RAISE(ABORT, 'injected fault'); END
                    """)
        }
        let failed = try hall.checkIn("K7Q2M9")
        #expect(failed.status == 503, "\(failed.text)")
        #expect(
            try hall.app.application.state.storage.bookings(fromDay: "2026-12-14").allSatisfy {
                $0.status != .checkedIn
            })
        #expect(hall.app.application.state.queue.read { $0.bookings?.booking(code: "K7Q2M9")?.status } == .booked)
        #expect(hall.app.application.state.queue.read(\.tickets).isEmpty)
        try hall.pool.write { db in try db.execute(sql: "DROP TRIGGER inject_fault") }
        let retried = try hall.checkIn("K7Q2M9")
        #expect(retried.status == 201 && retried.json["repeated"] as? Bool == false, "\(retried.text)")
    }
}
