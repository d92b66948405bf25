import Foundation

/// The figures of the bookings of a range of days (by their slot's day), for the manager:
/// how many were made and kept, how punctual, and how much of the offered capacity they used.
///
/// Definitions (also in the README): `bookings` are those not cancelled; `checkedIn` those
/// checked in (in time or late); `late` those checked in after the check-in window (a walk-in
/// ticket); `missed` those still booked when their window closed; the no-show rate is missed
/// over the bookings whose window has closed (`windowClosed`); punctual (`punctual`) are the check-ins at or before the slot's
/// start; capacity is the places the plan offered on the range's working days, per letter
/// (for one service, its letter's), and the share used is bookings over it.
public struct BookingFigures: Sendable, Equatable, Encodable {
    public var bookings = 0
    public var cancelled = 0
    public var checkedIn = 0
    public var late = 0
    public var missed = 0
    /// The wholes of the two rates below, so that halls' figures add up (the city's
    /// Prometheus merges counts, never rates): bookings whose window has closed, and the
    /// punctual check-ins.
    public var windowClosed = 0
    public var punctual = 0
    public var noShowRate: Double?
    public var punctualShare: Double?
    public var capacity = 0
    public var capacityUsedShare: Double?

    /// The figures of `bookings` (of the range) under `plan`, at `now`; for one service, with
    /// `letter` its queue letter.
    public init(
        _ bookings: [Booking], plan: SlotPlan, from: String, to: String, serviceId: String? = nil,
        letter: String? = nil, at now: Date
    ) {
        var counts = BookingCounts()
        for booking in bookings where serviceId == nil || booking.serviceId == serviceId {
            guard booking.slot.day >= from, booking.slot.day <= to else { continue }
            counts.add(BookingCounts(booking, plan: plan, at: now))
        }
        let letters = letter.map { [$0] } ?? Array(plan.settings.capacity.keys)
        self.init(counts, capacity: letters.reduce(0) { $0 + Self.capacity(plan, letter: $1, from: from, to: to) })
    }

    /// The figures of counts already added up, and the places offered.
    public init(_ counts: BookingCounts, capacity: Int) {
        bookings = counts.bookings
        cancelled = counts.cancelled
        checkedIn = counts.checkedIn
        late = counts.late
        missed = counts.missed
        windowClosed = counts.closed
        punctual = counts.punctual
        self.capacity = capacity
        noShowRate = HallMetrics.share(counts.missed, of: counts.closed)
        punctualShare = HallMetrics.share(counts.punctual, of: counts.checkedIn)
        capacityUsedShare = HallMetrics.share(counts.bookings, of: capacity)
    }

    /// The places `plan` offers for `letter` on the working days from `from` to `to`.
    public static func capacity(_ plan: SlotPlan, letter: String, from: String, to: String) -> Int {
        let places = plan.settings.capacity[letter] ?? 0
        guard places > 0 else { return 0 }
        return SlotPlan.days(from: from, to: to, limit: 400).reduce(0) { sum, day in
            sum + plan.slots(day: day, letter: letter).count * places
        }
    }

    private enum Keys: String, CodingKey {
        case bookings, cancelled, checkedIn, late, missed, windowClosed, punctual, noShowRate, punctualShare
        case capacity, capacityUsedShare
    }

    /// Every field is always there; a share without a whole is null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(bookings, forKey: .bookings)
        try container.encode(cancelled, forKey: .cancelled)
        try container.encode(checkedIn, forKey: .checkedIn)
        try container.encode(late, forKey: .late)
        try container.encode(missed, forKey: .missed)
        try container.encode(windowClosed, forKey: .windowClosed)
        try container.encode(punctual, forKey: .punctual)
        try container.encode(noShowRate, forKey: .noShowRate)
        try container.encode(punctualShare, forKey: .punctualShare)
        try container.encode(capacity, forKey: .capacity)
        try container.encode(capacityUsedShare, forKey: .capacityUsedShare)
    }
}
