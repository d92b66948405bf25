import Foundation
import Testing

@testable import OneWindowCore

/// The booking figures: kept, missed, late, punctual and the share of capacity used.
@Suite("Booking figures", .timeLimit(.minutes(2)))
struct BookingFiguresTests {
    static func booking(
        _ code: String, _ status: Booking.Status, time: String = "09:00", checkedIn: String? = nil,
        service: String = "S-A"
    ) -> Booking {
        Booking(
            code: code, serviceId: service, slot: AppointmentRulesTests.slot(time: time), phoneKey: "p-\(code)",
            status: status, bookedAt: AppointmentRulesTests.at("2026-12-08", "09:00"),
            cancelledAt: status == .cancelled ? AppointmentRulesTests.at("2026-12-09", "09:00") : nil,
            checkedInAt: checkedIn.map { AppointmentRulesTests.at("2026-12-14", $0) })
    }

    @Test("after the day: kept, missed, late and punctual bookings, and the capacity of the day")
    func afterTheDay() {
        let bookings = [
            Self.booking("K1", .checkedIn, checkedIn: "08:45"),  // punctual
            Self.booking("K2", .checkedIn, checkedIn: "09:10"),  // in the window, after the start
            Self.booking("K3", .checkedIn, time: "09:30", checkedIn: "10:00"),  // late
            Self.booking("K4", .booked),  // missed
            Self.booking("K5", .cancelled),
        ]
        let figures = BookingFigures(
            bookings, plan: AppointmentRulesTests.plan(), from: "2026-12-14", to: "2026-12-14",
            at: AppointmentRulesTests.at("2026-12-14", "18:00"))
        #expect(figures.bookings == 4 && figures.cancelled == 1 && figures.checkedIn == 3)
        #expect(figures.late == 1 && figures.missed == 1)
        #expect(figures.noShowRate == 0.25)
        #expect(figures.punctualShare == 0.3333)
        // 11 slots, 2 places for A and 1 for B.
        #expect(figures.capacity == 33)
        #expect(figures.capacityUsedShare == 0.1212)
    }

    @Test("before a window closes a booking is not missed; one service counts its letter's places only")
    func duringTheDay() {
        let figures = BookingFigures(
            [Self.booking("K4", .booked), Self.booking("K6", .booked, service: "S-B")],
            plan: AppointmentRulesTests.plan(), from: "2026-12-14", to: "2026-12-15", serviceId: "S-A", letter: "A",
            at: AppointmentRulesTests.at("2026-12-14", "09:10"))
        #expect(figures.bookings == 1 && figures.missed == 0 && figures.noShowRate == nil)
        #expect(figures.punctualShare == nil)
        #expect(figures.capacity == 22, "the 15th is a holiday")
    }
}
