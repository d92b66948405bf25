import Foundation

/// The counts the booking figures of a range add up from, per hall day and service: what a
/// day keeps (`booking_day`) once its bookings are deleted at the end of the retention period,
/// so that a range of any age gives the same figures as the bookings themselves.
///
/// `closed` are the bookings (not cancelled) whose check-in window had closed when counted;
/// `punctual` the check-ins at or before the slot's start. See `BookingFigures`.
public struct BookingCounts: Sendable, Equatable {
    public var bookings = 0
    public var cancelled = 0
    public var checkedIn = 0
    public var late = 0
    public var missed = 0
    public var closed = 0
    public var punctual = 0

    public init() {}

    /// The counts of one booking under `plan` at `now`. Without a plan (a hall that no longer
    /// takes appointments deleting old bookings) the booking's window counts as closed and its
    /// check-in as neither late nor punctual: such a hall shows no booking figures anyway.
    public init(_ booking: Booking, plan: SlotPlan?, at now: Date) {
        guard booking.status != .cancelled else {
            cancelled = 1
            return
        }
        bookings = 1
        guard let plan else {
            closed = 1
            if booking.status == .booked { missed = 1 } else { checkedIn = 1 }
            return
        }
        let window = plan.checkInWindow(booking.slot)
        if now > window.upperBound { closed = 1 }
        if booking.status == .booked, now > window.upperBound { missed = 1 }
        guard booking.status == .checkedIn else { return }
        checkedIn = 1
        if let at = booking.checkedInAt {
            if at > window.upperBound { late = 1 }
            if at <= plan.startsAt(booking.slot) { punctual = 1 }
        }
    }

    public mutating func add(_ other: BookingCounts) {
        bookings += other.bookings
        cancelled += other.cancelled
        checkedIn += other.checkedIn
        late += other.late
        missed += other.missed
        closed += other.closed
        punctual += other.punctual
    }

    /// Per hall day (the slot's), per service: the counts of `bookings` at `now`.
    public static func byDay(_ bookings: [Booking], plan: SlotPlan?, at now: Date) -> [String: [String: BookingCounts]]
    {
        var days: [String: [String: BookingCounts]] = [:]
        for booking in bookings {
            days[booking.slot.day, default: [:]][booking.serviceId, default: BookingCounts()].add(
                BookingCounts(booking, plan: plan, at: now))
        }
        return days
    }
}
