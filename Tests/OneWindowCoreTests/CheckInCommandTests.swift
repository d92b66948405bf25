import Foundation
import Testing

@testable import OneWindowCore

/// 预约签到 through `HallQueue.apply`: a booking becomes a ticket inside its check-in window,
/// a late one a walk-in ticket, an early one is told when to come back; once only.
@Suite("Check-in commands applied", .timeLimit(.minutes(2)))
struct CheckInCommandTests {
    static let day = "2026-12-14"

    static func at(_ time: String, day: String = day) -> Date { AppointmentRulesTests.at(day, time) }

    /// A booking of S1 (letter C) at 09:00 on the 14th; the window is 08:30–09:15.
    static func booking(_ code: String = "K1", time: String = "09:00", caseId: String? = nil) -> Booking {
        Booking(
            code: code, serviceId: "S1", slot: Slot(day: day, start: ClockTime(time)!, letter: "C"),
            phoneKey: "p-\(code)",
            bookedAt: at("09:00", day: "2026-12-08"), caseId: caseId)
    }

    static func queue(_ bookings: [Booking] = [booking()], day: String = day, cases: [CaseRecord] = []) -> HallQueue {
        HallQueue(catalogue: BookingCommandTests.catalogue, day: day, cases: cases, bookings: bookings)
    }

    static func checkIn(_ code: String = "K1", id: String = "t1") -> QueueCommand {
        .checkIn(CheckInOrder(code: code, ticketId: id, priority: false))
    }

    static func result(_ applied: AppliedCommand) -> CheckInResult? {
        guard case .success(.checkedIn(let result)) = applied.outcome else { return nil }
        return result
    }

    @Test("inside the window a ticket with channel appointment; the booking is checked in with it")
    func inTime() throws {
        var queue = Self.queue()
        let applied = queue.apply(Self.checkIn(), by: "kiosk-1", at: Self.at("08:40"))
        let result = try #require(Self.result(applied), "\(applied.outcome)")
        #expect(result.arrival == .inTime && !result.repeated)
        #expect(result.ticket.channel == .appointment && result.ticket.serviceId == "S1" && result.ticket.id == "t1")
        #expect(result.booking?.status == .checkedIn && result.booking?.ticketId == "t1")
        #expect(applied.changes.bookings["K1"] == result.booking && applied.changes.tickets["t1"] != nil)
        let issued = try #require(applied.events.first { $0.kind == .issued })
        #expect(EventDetail.parse(issued.detail).channel == "appointment")
        #expect(EventDetail.parse(issued.detail).opened == true)
        #expect(queue.bookings?.booking(code: "K1")?.status == .checkedIn)
    }

    @Test("a second check-in gives the same ticket and issues nothing new")
    func once() throws {
        var queue = Self.queue()
        _ = queue.apply(Self.checkIn(), by: "kiosk-1", at: Self.at("08:40"))
        let again = queue.apply(Self.checkIn(id: "t2"), by: "kiosk-2", at: Self.at("08:50"))
        let result = try #require(Self.result(again), "\(again.outcome)")
        #expect(result.repeated && result.ticket.id == "t1" && result.arrival == .inTime)
        #expect(queue.tickets["t2"] == nil && again.events.isEmpty && again.changes.tickets.isEmpty)
    }

    @Test("too early: refused with the time the window opens, today or on the booking's day")
    func tooEarly() {
        var queue = Self.queue()
        let early = queue.apply(Self.checkIn(), by: "kiosk-1", at: Self.at("08:00"))
        #expect(
            early.outcome
                == .failure(
                    .checkInTooEarly(day: Self.day, opens: ClockTime(hour: 8, minute: 30), today: true, seconds: 1800)))
        #expect(early.changes.bookings.isEmpty && queue.tickets.isEmpty)
        if case .failure(let error) = early.outcome { #expect(error.message.contains("08:30")) }
        var before = Self.queue(day: "2026-12-11")
        let days = before.apply(Self.checkIn(), by: "kiosk-1", at: Self.at("10:00", day: "2026-12-11"))
        guard case .failure(.checkInTooEarly(let day, _, let today, _)) = days.outcome else {
            Issue.record("\(days.outcome)")
            return
        }
        #expect(day == Self.day && !today)
    }

    @Test("too late on the day: a walk-in ticket, and the answer says it was late")
    func tooLate() throws {
        var queue = Self.queue()
        let late = queue.apply(Self.checkIn(), by: "kiosk-1", at: Self.at("09:16"))
        let result = try #require(Self.result(late), "\(late.outcome)")
        #expect(result.arrival == .late && result.ticket.channel == .walkIn)
        #expect(result.booking?.status == .checkedIn)
        let issued = try #require(late.events.first { $0.kind == .issued })
        #expect(EventDetail.parse(issued.detail).channel == nil)
        let again = queue.apply(Self.checkIn(id: "t2"), by: "kiosk-1", at: Self.at("09:30"))
        #expect(Self.result(again)?.arrival == .late && Self.result(again)?.ticket.id == "t1")
    }

    @Test("a booking of a day gone, a cancelled one and an unknown code are refused and change nothing")
    func refused() {
        var later = Self.queue(day: "2026-12-15")
        let passed = later.apply(Self.checkIn(), by: "kiosk-1", at: Self.at("09:00", day: "2026-12-16"))
        #expect(passed.outcome == .failure(.bookingDayPassed(day: Self.day)))
        var cancelled = Self.booking()
        cancelled.status = .cancelled
        var queue = Self.queue([cancelled])
        #expect(
            queue.apply(Self.checkIn(), by: "kiosk-1", at: Self.at("08:45")).outcome == .failure(.booking(.notBooked)))
        #expect(
            queue.apply(Self.checkIn("NOPE"), by: "kiosk-1", at: Self.at("08:45")).outcome == .failure(.bookingNotFound)
        )
        #expect(queue.tickets.isEmpty)
    }

    @Test("a code typed in lower case finds its booking")
    func lowerCase() {
        var queue = Self.queue([Self.booking("K7Q")])
        #expect(Self.result(queue.apply(Self.checkIn("k7q"), by: "kiosk-1", at: Self.at("08:45"))) != nil)
    }

    @Test("a booking for a return visit continues its case")
    func returnVisit() throws {
        let open = CaseRecord(id: "C20261210-0007", serviceId: "S1", openedAt: Self.at("10:00", day: "2026-12-10"))
        var queue = Self.queue([Self.booking(caseId: open.id)], cases: [open])
        let applied = queue.apply(Self.checkIn(), by: "kiosk-1", at: Self.at("08:45"))
        let result = try #require(Self.result(applied), "\(applied.outcome)")
        #expect(result.ticket.caseId == open.id && result.ticket.channel == .appointment)
        #expect(queue.cases[open.id]?.ticketIds == ["t1"])
        let issued = try #require(applied.events.first { $0.kind == .issued })
        #expect(EventDetail.parse(issued.detail).opened == nil, "a return visit opens no case")
    }
}
