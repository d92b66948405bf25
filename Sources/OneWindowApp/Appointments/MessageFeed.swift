import Foundation
import OneWindowCore
import OneWindowStorage

/// Which committed changes become messages to the applicant's phone, written in the
/// transaction of the change: a new booking (`booking_confirmed`), a cancellation
/// (`booking_cancelled`), the call of a checked-in appointment ticket or a remote ticket to a
/// window (`ticket_called`, "请到 3 号窗口"), and the remote tickets' own (`MessageFeed+Remote`).
/// A check-in itself sends nothing.
enum MessageFeed {
    static func messages(for changes: QueueChanges, in transaction: QueueTransaction, catalogue: Catalogue) throws
        -> [OutboxMessage]
    {
        let remote = try remoteMessages(changes, transaction, catalogue)
        guard let settings = catalogue.hall.appointments else {
            return try remote + callMessages(changes, transaction, catalogue)
        }
        return try bookingMessages(changes, transaction, settings, catalogue)
            + callMessages(changes, transaction, catalogue) + remote
    }

    /// One message per call event (a recall is not one): its key is the ticket and the call's
    /// instant, so a ticket transferred and called again at another window is told again, and
    /// the same call never twice. Only appointment tickets (their booking's number) and remote
    /// tickets (the number they were taken with) have a number to tell.
    static func callMessages(_ changes: QueueChanges, _ transaction: QueueTransaction, _ catalogue: Catalogue) throws
        -> [OutboxMessage]
    {
        var messages: [OutboxMessage] = []
        for event in changes.events where event.kind == .called {
            guard let ticketId = event.ticketId, let window = event.window,
                let ticket = changes.tickets[ticketId], ticket.channel != .walkIn,
                let sealed = try ticket.channel == .remote
                    ? transaction.sealedPhone(ofRemoteTicket: ticketId) : transaction.sealedPhone(ofTicket: ticketId)
            else { continue }
            let params = [
                "number": ticket.number, "window": window,
                "windowName": catalogue.hall.windows.first { $0.id == window }?.name ?? "\(window)号窗口",
                "service": catalogue.service(id: ticket.serviceId)?.name ?? ticket.serviceId,
            ]
            let instant = Int64((event.at.timeIntervalSince1970 * 1000).rounded())
            messages.append(
                PhoneMessage(.ticketCalled, params: params, phoneSealed: sealed)
                    .outbox(event: "ticket_called:\(ticketId):\(instant)"))
        }
        return messages
    }

    static func bookingMessages(
        _ changes: QueueChanges, _ transaction: QueueTransaction, _ settings: AppointmentSettings,
        _ catalogue: Catalogue
    ) throws -> [OutboxMessage] {
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
