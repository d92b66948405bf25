import Foundation

/// Booking and cancelling (预约), inside the queue so that they run through the same group
/// commit: one writer decides, so the last places of a slot are never sold twice.
extension HallQueue {
    /// The slot plan of the hall's current catalogue, if it takes appointments.
    public static func slotPlan(_ catalogue: Catalogue, calendar: HallCalendar) -> SlotPlan? {
        catalogue.hall.appointments.map {
            SlotPlan(settings: $0, calendar: calendar, workingDays: catalogue.hall.workingDays)
        }
    }

    /// Mutates the ledger in place (`bookings!`): a copy bound with `guard var` and written back
    /// copied every booking of the ledger for each new one (copy-on-write), quadratic in a storm.
    mutating func book(_ order: BookingOrder, at now: Date) throws(QueueError) -> Booking {
        guard bookings != nil else { throw .booking(.notBookable) }
        guard let service = catalogue.service(id: order.serviceId) else { throw .serviceNotFound(order.serviceId) }
        guard order.slot.letter == service.queuePrefix else { throw .booking(.noSuchSlot) }
        if let refusal = bookings!.refusal(
            slot: order.slot, serviceId: order.serviceId, phoneKey: order.phoneKey,
            receivedAtHall: service.receivedInHall, at: now)
        {
            throw .booking(refusal)
        }
        let booking = Booking(
            code: order.code, serviceId: order.serviceId, slot: order.slot, phoneKey: order.phoneKey, bookedAt: now,
            caseId: order.caseId)
        bookings!.add(booking)
        changes.bookings[booking.code] = booking
        changes.sealedPhones[booking.code] = order.phoneSealed
        return booking
    }

    /// Cancels the booking `code` made with the phone `phoneKey`. A wrong phone is answered as
    /// an unknown code, so that codes cannot be probed with any number.
    mutating func cancelBooking(_ code: String, phoneKey: String, at now: Date) throws(QueueError) -> Booking {
        guard var booking = bookings?.booking(code: code), booking.phoneKey == phoneKey else {
            throw .bookingNotFound
        }
        if let refusal = bookings!.cancelRefusal(booking, at: now) { throw .booking(refusal) }
        booking.status = .cancelled
        booking.cancelledAt = now
        bookings!.update(booking)
        changes.bookings[booking.code] = booking
        return booking
    }
}
