import Foundation
import OneWindowCore
import OneWindowStorage

/// Which committed booking changes become messages to the applicant's phone, written in the
/// transaction of the change: a new booking (`booking_confirmed`) and a cancellation
/// (`booking_cancelled`). A check-in sends nothing.
enum MessageFeed {
    static func messages(for changes: QueueChanges, in transaction: QueueTransaction, catalogue: Catalogue) throws
        -> [OutboxMessage]
    {
        guard !changes.bookings.isEmpty, let settings = catalogue.hall.appointments else { return [] }
        var messages: [OutboxMessage] = []
        for booking in changes.bookings.values.sorted(by: { $0.code < $1.code }) {
            switch booking.status {
            case .booked:
                guard let sealed = changes.sealedPhones[booking.code] else { continue }
                messages.append(
                    PhoneMessage(.bookingConfirmed, params: params(booking, settings, catalogue), phoneSealed: sealed)
                        .outbox(event: "booking_confirmed:" + booking.code))
            case .cancelled:
                guard let sealed = try transaction.sealedPhone(ofBooking: booking.code) else { continue }
                messages.append(
                    PhoneMessage(.bookingCancelled, params: params(booking, settings, catalogue), phoneSealed: sealed)
                        .outbox(event: "booking_cancelled:" + booking.code))
            case .checkedIn:
                continue
            }
        }
        return messages
    }

    /// What the booking templates may name: `{service}`, `{day}`, `{time}`, `{code}`, and the
    /// check-in window `{checkInFrom}`–`{checkInTo}`.
    static func params(_ booking: Booking, _ settings: AppointmentSettings, _ catalogue: Catalogue) -> [String: String]
    {
        let start = booking.slot.start.minutes
        return [
            "service": catalogue.service(id: booking.serviceId)?.name ?? booking.serviceId,
            "day": booking.slot.day, "time": booking.slot.start.description, "code": booking.code,
            "checkInFrom": ClockTime(minutes: max(0, start - settings.checkInMinutesBefore)).description,
            "checkInTo": ClockTime(minutes: min(24 * 60 - 1, start + settings.checkInMinutesAfter)).description,
        ]
    }
}
