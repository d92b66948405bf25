import Foundation
import OneWindowCore
import Testing

/// Booking and cancelling through `HallQueue.apply`, as the group commit runs them: the rows to
/// write, the refusals as queue errors, and the ledger rebuilt from stored bookings.
@Suite("Booking commands applied", .timeLimit(.minutes(2)))
struct BookingCommandTests {
    /// The test hall with appointments: C (临时救助, 最低生活保障) has 2 places per slot.
    static var catalogue: Catalogue {
        let base = HallQueueTests.catalogue
        var hall = base.hall
        var settings = AppointmentRulesTests.settings()
        settings.capacity = ["C": 2]
        hall.appointments = settings
        return Catalogue(hall: hall, services: base.services)
    }

    static let now = AppointmentRulesTests.at("2026-12-08", "09:00")

    static func order(_ code: String, phone: String = "p1", service: String = "S1", time: String = "09:00")
        -> BookingOrder
    {
        BookingOrder(
            code: code, serviceId: service,
            slot: Slot(day: "2026-12-14", start: ClockTime(time)!, letter: "C"), phoneKey: phone,
            phoneSealed: Data([1, 2, 3]), caseId: nil)
    }

    @Test("a booking is a row to write with its sealed number; the third on a 2-place slot is full")
    func book() {
        var queue = HallQueue(catalogue: Self.catalogue, day: "2026-12-08")
        let first = queue.apply(.book(Self.order("K1")), by: "web", at: Self.now)
        guard case .success(.booking(let booking)) = first.outcome else {
            Issue.record("\(first.outcome)")
            return
        }
        #expect(booking.status == .booked && booking.bookedAt == Self.now)
        #expect(first.changes.bookings["K1"] == booking && first.changes.sealedPhones["K1"] == Data([1, 2, 3]))
        #expect(!first.changes.isEmpty)
        _ = queue.apply(.book(Self.order("K2", phone: "p2")), by: "web", at: Self.now)
        let third = queue.apply(.book(Self.order("K3", phone: "p3")), by: "web", at: Self.now)
        #expect(third.outcome == .failure(.booking(.slotFull)))
        #expect(third.changes.bookings.isEmpty)
        #expect(queue.bookings?.left(Self.order("K1").slot, at: Self.now) == 0)
    }

    @Test("a slot of another letter, an unknown service and a hall without appointments are refused")
    func refused() {
        var queue = HallQueue(catalogue: Self.catalogue, day: "2026-12-08")
        var wrongLetter = Self.order("K1", service: "S3")
        wrongLetter.slot = Slot(day: "2026-12-14", start: ClockTime(hour: 9, minute: 0), letter: "C")
        #expect(queue.apply(.book(wrongLetter), by: "web", at: Self.now).outcome == .failure(.booking(.noSuchSlot)))
        #expect(
            queue.apply(.book(Self.order("K1", service: "NOPE")), by: "web", at: Self.now).outcome
                == .failure(.serviceNotFound("NOPE")))
        var plain = HallQueue(catalogue: HallQueueTests.catalogue, day: "2026-12-08")
        #expect(
            plain.apply(.book(Self.order("K1")), by: "web", at: Self.now).outcome == .failure(.booking(.notBookable)))
    }

    @Test("only the phone that booked can cancel, and another phone learns nothing of the code")
    func cancel() {
        var queue = HallQueue(catalogue: Self.catalogue, day: "2026-12-08")
        _ = queue.apply(.book(Self.order("K1")), by: "web", at: Self.now)
        let stranger = queue.apply(.cancelBooking(code: "K1", phoneKey: "p2"), by: "web", at: Self.now)
        #expect(stranger.outcome == .failure(.bookingNotFound))
        #expect(
            queue.apply(.cancelBooking(code: "NOPE", phoneKey: "p1"), by: "web", at: Self.now).outcome
                == .failure(.bookingNotFound))
        let cancelled = queue.apply(.cancelBooking(code: "K1", phoneKey: "p1"), by: "web", at: Self.now + 60)
        #expect(cancelled.changes.bookings["K1"]?.status == .cancelled)
        #expect(cancelled.changes.bookings["K1"]?.cancelledAt == Self.now + 60)
        #expect(cancelled.changes.sealedPhones.isEmpty, "a cancel never carries the number")
        let again = queue.apply(.cancelBooking(code: "K1", phoneKey: "p1"), by: "web", at: Self.now + 120)
        #expect(again.outcome == .failure(.booking(.notBooked)))
    }

    @Test("a queue restored from stored bookings keeps their places and limits")
    func restored() {
        var queue = HallQueue(catalogue: Self.catalogue, day: "2026-12-08")
        guard
            case .success(.booking(let booking)) = queue.apply(.book(Self.order("K1")), by: "web", at: Self.now).outcome
        else { return }
        var again = HallQueue(catalogue: Self.catalogue, day: "2026-12-08", bookings: [booking])
        #expect(again.bookings?.left(booking.slot, at: Self.now) == 1)
        #expect(
            again.apply(.book(Self.order("K2", time: "10:00")), by: "web", at: Self.now).outcome
                == .failure(.booking(.phoneHasBooking)))
        again.replaceCatalogue(Self.catalogue)
        #expect(again.bookings?.booking(code: "K1") == booking, "a catalogue reload keeps the bookings")
    }
}
