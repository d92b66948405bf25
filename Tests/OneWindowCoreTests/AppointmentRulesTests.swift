import Foundation
import OneWindowCore
import Testing

/// The rules of booking, without I/O: slots on the hall's calendar, what is left, the limits
/// on one phone, cancelling, check-in and the call order between appointments and walk-ins.
@Suite("Appointment rules", .timeLimit(.minutes(2)))
struct AppointmentRulesTests {
    /// 09:00–11:30 and 13:30–16:30 in 30-minute slots; 2 places for A, 1 for B.
    static func settings() -> AppointmentSettings {
        AppointmentSettings(
            sessions: [
                .init(from: ClockTime(hour: 9, minute: 0), to: ClockTime(hour: 11, minute: 30)),
                .init(from: ClockTime(hour: 13, minute: 30), to: ClockTime(hour: 16, minute: 30)),
            ],
            slotMinutes: 30, capacity: ["A": 2, "B": 1])
    }

    static let calendar = HallCalendar(timeZone: "Asia/Shanghai")

    static func plan(_ settings: AppointmentSettings = settings()) -> SlotPlan {
        SlotPlan(
            settings: settings, calendar: calendar,
            workingDays: WorkingDays(holidays: ["2026-12-15"], workdays: ["2026-12-19"]))
    }

    /// A hall-local instant.
    static func at(_ day: String, _ time: String) -> Date {
        calendar.instant(day: day, at: ClockTime(time)!)
    }

    static func slot(_ day: String = "2026-12-14", time: String = "09:00", letter: String = "A") -> Slot {
        Slot(day: day, start: ClockTime(time)!, letter: letter)
    }

    static func booking(
        _ code: String, phone: String, service: String = "S-A", slot: Slot = slot(),
        at: Date = at("2026-12-08", "09:00")
    ) -> Booking {
        Booking(code: code, serviceId: service, slot: slot, phoneKey: phone, bookedAt: at)
    }

    @Test("each session is cut into whole slots, on working days only, for letters with places")
    func slotsFollowTheCalendar() {
        let plan = Self.plan()
        let starts = plan.slots(day: "2026-12-14", letter: "A").map(\.start.description)
        #expect(
            starts == [
                "09:00", "09:30", "10:00", "10:30", "11:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00",
            ])
        #expect(plan.slots(day: "2026-12-15", letter: "A").isEmpty, "a holiday on a Tuesday")
        #expect(plan.slots(day: "2026-12-13", letter: "A").isEmpty, "a Sunday")
        #expect(plan.slots(day: "2026-12-19", letter: "A").count == 11, "a 调休 Saturday is worked")
        #expect(plan.slots(day: "2026-12-14", letter: "C").isEmpty, "a letter without places is walk-in only")
        var odd = Self.settings()
        odd.slotMinutes = 40
        #expect(Self.plan(odd).slots(day: "2026-12-14", letter: "A").count == 3 + 4, "a remainder is not a slot")
    }

    @Test("booking for a day opens daysAhead days before, at opensAt on the hall's clock")
    func bookingOpens() {
        let opens = Self.plan().bookingOpens(for: "2026-12-14")
        #expect(opens == Self.at("2026-12-07", "08:00"))
        #expect(opens == Date(timeIntervalSince1970: 1_796_601_600), "08:00 in Shanghai is 00:00 UTC")
        let ledger = BookingLedger(plan: Self.plan())
        let early = ledger.refusal(
            slot: Self.slot(), serviceId: "S-A", phoneKey: "p1", receivedAtHall: true, at: opens - 1)
        #expect(early == .notYetOpen(opens: opens))
        #expect(
            ledger.refusal(slot: Self.slot(), serviceId: "S-A", phoneKey: "p1", receivedAtHall: true, at: opens)
                == nil)
    }

    @Test("a closed day, a time that is no slot, a started slot and a service the hall does not take are refused")
    func refusedRequests() {
        let ledger = BookingLedger(plan: Self.plan())
        let now = Self.at("2026-12-10", "12:00")
        func refusal(_ slot: Slot, received: Bool = true, at: Date = now) -> BookingRefusal? {
            ledger.refusal(slot: slot, serviceId: "S-A", phoneKey: "p1", receivedAtHall: received, at: at)
        }
        #expect(refusal(Self.slot("2026-12-15")) == .closedDay)
        #expect(refusal(Self.slot("2026-12-13")) == .closedDay)
        #expect(refusal(Self.slot(time: "09:15")) == .noSuchSlot)
        #expect(refusal(Self.slot(time: "16:30")) == .noSuchSlot, "the session's end is no start")
        #expect(refusal(Self.slot("2026-12-10", time: "11:00")) == .past)
        #expect(refusal(Self.slot(), received: false) == .notBookable)
        #expect(refusal(Self.slot(letter: "C")) == .notBookable)
        #expect(refusal(Self.slot("2026-12-10", time: "13:30")) == nil, "later the same day is fine")
    }

    @Test("of 50 phones after the last 3 places, exactly 3 book and the rest find the slot full")
    func lastSeats() {
        var settings = Self.settings()
        settings.capacity = ["A": 3]
        var ledger = BookingLedger(plan: Self.plan(settings))
        let now = Self.at("2026-12-08", "09:00")
        var booked = 0
        var full = 0
        for phone in 0..<50 {
            switch ledger.refusal(
                slot: Self.slot(), serviceId: "S-A", phoneKey: "p\(phone)", receivedAtHall: true, at: now)
            {
            case nil:
                ledger.add(Self.booking("c\(phone)", phone: "p\(phone)"))
                booked += 1
            case .slotFull?: full += 1
            case let other?: Issue.record("unexpected \(other)")
            }
        }
        #expect(booked == 3 && full == 47)
        #expect(ledger.left(Self.slot(), at: now) == 0)
    }

    @Test("one live booking per phone per service and three in all; a missed one frees the quota")
    func phoneLimits() {
        var ledger = BookingLedger(plan: Self.plan())
        let now = Self.at("2026-12-08", "09:00")
        ledger.add(Self.booking("c1", phone: "p", service: "S-A"))
        #expect(
            ledger.refusal(
                slot: Self.slot(time: "14:00"), serviceId: "S-A", phoneKey: "p", receivedAtHall: true, at: now)
                == .phoneHasBooking)
        ledger.add(Self.booking("c2", phone: "p", service: "S-A2", slot: Self.slot(time: "14:00")))
        ledger.add(Self.booking("c3", phone: "p", service: "S-B", slot: Self.slot(time: "16:00", letter: "B")))
        #expect(
            ledger.refusal(
                slot: Self.slot(time: "15:00"), serviceId: "S-A3", phoneKey: "p", receivedAtHall: true, at: now)
                == .phoneAtLimit)
        #expect(
            ledger.refusal(
                slot: Self.slot(time: "15:00"), serviceId: "S-A3", phoneKey: "q", receivedAtHall: true, at: now)
                == nil, "another phone is not limited")
        let afterMiss = Self.at("2026-12-14", "09:16")
        #expect(
            ledger.refusal(
                slot: Self.slot("2026-12-16"), serviceId: "S-A", phoneKey: "p", receivedAtHall: true, at: afterMiss)
                == nil, "the missed S-A booking no longer holds the quota")
    }

    @Test("a cancelled place returns to the pool only after the release delay")
    func releaseDelay() {
        var settings = Self.settings()
        settings.capacity = ["A": 1]
        var ledger = BookingLedger(plan: Self.plan(settings))
        let cancelledAt = Self.at("2026-12-08", "10:00")
        var booking = Self.booking("c1", phone: "p")
        ledger.add(booking)
        #expect(ledger.cancelRefusal(booking, at: cancelledAt) == nil)
        booking.status = .cancelled
        booking.cancelledAt = cancelledAt
        let updated = ledger.update(booking)
        #expect(updated)
        #expect(ledger.left(Self.slot(), at: cancelledAt + 14 * 60) == 0)
        #expect(ledger.left(Self.slot(), at: cancelledAt + 15 * 60) == 1)
        #expect(ledger.cancelRefusal(booking, at: cancelledAt) == .notBooked)
    }

    @Test("cancelling closes cancelMinutesBefore the slot")
    func cancelDeadline() {
        let ledger = BookingLedger(plan: Self.plan())
        let booking = Self.booking("c1", phone: "p")
        #expect(ledger.cancelRefusal(booking, at: Self.at("2026-12-14", "08:00")) == nil)
        #expect(ledger.cancelRefusal(booking, at: Self.at("2026-12-14", "08:01")) == .tooLateToCancel)
    }

    @Test("check-in is open from 30 minutes before the slot to 15 after; outside, too early or too late")
    func checkInWindow() {
        let ledger = BookingLedger(plan: Self.plan())
        let booking = Self.booking("c1", phone: "p")
        #expect(
            ledger.checkIn(booking, at: Self.at("2026-12-14", "08:29"))
                == .tooEarly(from: Self.at("2026-12-14", "08:30")))
        #expect(ledger.checkIn(booking, at: Self.at("2026-12-14", "08:30")) == .inTime)
        #expect(ledger.checkIn(booking, at: Self.at("2026-12-14", "09:15")) == .inTime)
        #expect(ledger.checkIn(booking, at: Self.at("2026-12-14", "09:16")) == .tooLate)
        var done = booking
        done.status = .checkedIn
        #expect(ledger.checkIn(done, at: Self.at("2026-12-14", "09:00")) == .notBooked)
    }

    @Test("two missed bookings in 30 days bar the phone for 30 days after the last, and the ban ends")
    func missedBookingsBan() {
        var ledger = BookingLedger(plan: Self.plan())
        ledger.add(Self.booking("c1", phone: "p", slot: Self.slot("2026-12-10")))
        ledger.add(Self.booking("c2", phone: "p", service: "S-A2", slot: Self.slot("2026-12-11")))
        let next = Self.slot("2026-12-17")
        let afterOne = Self.at("2026-12-10", "12:00")
        #expect(ledger.bannedUntil(phoneKey: "p", at: afterOne) == nil, "one miss is no ban")
        let afterTwo = Self.at("2026-12-11", "12:00")
        #expect(ledger.bannedUntil(phoneKey: "p", at: afterTwo) == "2027-01-10")
        #expect(
            ledger.refusal(slot: next, serviceId: "S-A3", phoneKey: "p", receivedAtHall: true, at: afterTwo)
                == .phoneBanned(until: "2027-01-10"))
        #expect(ledger.bannedUntil(phoneKey: "p", at: Self.at("2027-01-10", "08:00")) == nil, "the ban ends")
    }

    @Test("appointments go first, but after N in a row a walk-in who waited past M minutes is called")
    func callOrder() {
        let settings = Self.settings()  // 2 in a row, 20 minutes
        let now = Self.at("2026-12-14", "10:00")
        let appointment = CallOrder.Candidate(id: "A001", isAppointment: true, issuedAt: now - 60)
        let walkIn = CallOrder.Candidate(id: "A002", isAppointment: false, issuedAt: now - 21 * 60)
        let fresh = CallOrder.Candidate(id: "A003", isAppointment: false, issuedAt: now - 19 * 60)
        func next(_ walkIn: CallOrder.Candidate?, inRow: Int) -> String {
            CallOrder.next(
                first: appointment, firstWalkIn: walkIn, appointmentsInRow: inRow, at: now, settings: settings
            )
            .id
        }
        #expect(next(walkIn, inRow: 1) == "A001")
        #expect(next(walkIn, inRow: 2) == "A002")
        #expect(next(fresh, inRow: 5) == "A001", "a walk-in who has not waited too long does not jump")
        #expect(next(nil, inRow: 5) == "A001")
        #expect(
            CallOrder.next(first: walkIn, firstWalkIn: walkIn, appointmentsInRow: 0, at: now, settings: settings).id
                == "A002")
    }
}
