import Foundation

/// The figures of the bookings of a range of days (by their slot's day), for the manager:
/// how many were made and kept, how punctual, and how much of the offered capacity they used.
///
/// Definitions (also in the README): `bookings` are those not cancelled; `checkedIn` those
/// checked in (in time or late); `late` those checked in after the check-in window (a walk-in
/// ticket); `missed` those still booked when their window closed; the no-show rate is missed
/// over the bookings whose window has closed; punctual are the check-ins at or before the slot's
/// start; capacity is the places the plan offered on the range's working days, per letter
/// (for one service, its letter's), and the share used is bookings over it.
public struct BookingFigures: Sendable, Equatable, Encodable {
    public var bookings = 0
    public var cancelled = 0
    public var checkedIn = 0
    public var late = 0
    public var missed = 0
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
        let ledger = BookingLedger(plan: plan)
        var closed = 0
        var punctual = 0
        for booking in bookings where serviceId == nil || booking.serviceId == serviceId {
            guard booking.slot.day >= from, booking.slot.day <= to else { continue }
            guard booking.status != .cancelled else {
                cancelled += 1
                continue
            }
            self.bookings += 1
            let window = plan.checkInWindow(booking.slot)
            if now > window.upperBound { closed += 1 }
            if ledger.isMissed(booking, at: now) { missed += 1 }
            guard booking.status == .checkedIn else { continue }
            checkedIn += 1
            if let at = booking.checkedInAt {
                if at > window.upperBound { late += 1 }
                if at <= plan.startsAt(booking.slot) { punctual += 1 }
            }
        }
        let letters = letter.map { [$0] } ?? Array(plan.settings.capacity.keys)
        for day in SlotPlan.days(from: from, to: to, limit: 400) {
            for letter in letters {
                capacity += plan.slots(day: day, letter: letter).count * (plan.settings.capacity[letter] ?? 0)
            }
        }
        noShowRate = HallMetrics.share(missed, of: closed)
        punctualShare = HallMetrics.share(punctual, of: checkedIn)
        capacityUsedShare = HallMetrics.share(self.bookings, of: capacity)
    }

    private enum Keys: String, CodingKey {
        case bookings, cancelled, checkedIn, late, missed, noShowRate, punctualShare, capacity, capacityUsedShare
    }

    /// Every field is always there; a share without a whole is null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(bookings, forKey: .bookings)
        try container.encode(cancelled, forKey: .cancelled)
        try container.encode(checkedIn, forKey: .checkedIn)
        try container.encode(late, forKey: .late)
        try container.encode(missed, forKey: .missed)
        try container.encode(noShowRate, forKey: .noShowRate)
        try container.encode(punctualShare, forKey: .punctualShare)
        try container.encode(capacity, forKey: .capacity)
        try container.encode(capacityUsedShare, forKey: .capacityUsedShare)
    }
}
