import Foundation

/// The rules of booking over the bookings that exist: what is left of a slot, and whether a
/// phone may book, cancel or check in. Pure: the caller passes `now`, so the rules are tested
/// without a clock, and the same ledger decides inside the group commit (no two writers).
public struct BookingLedger: Sendable {
    public let plan: SlotPlan
    public private(set) var bookings: [Booking]
    /// Indices into `bookings` by slot and by phone: a storm of 10,000 bookings in the second
    /// booking opens must not scan every booking for every one.
    private var bySlot: [Slot: [Int]] = [:]
    private var byPhone: [String: [Int]] = [:]
    private var byCode: [String: Int] = [:]

    public init(plan: SlotPlan, bookings: [Booking] = []) {
        self.plan = plan
        self.bookings = []
        for booking in bookings { add(booking) }
    }

    private var settings: AppointmentSettings { plan.settings }

    /// Places of `slot` not free at `now`: live and checked-in bookings, and cancelled ones
    /// still inside the release delay.
    public func taken(_ slot: Slot, at now: Date) -> Int {
        (bySlot[slot] ?? []).reduce(0) { sum, index in
            let booking = bookings[index]
            switch booking.status {
            case .booked, .checkedIn: return sum + 1
            case .cancelled:
                let released = (booking.cancelledAt ?? .distantPast) + Double(settings.releaseDelayMinutes) * 60
                return now < released ? sum + 1 : sum
            }
        }
    }

    /// Places of `slot` still free at `now` (never below zero).
    public func left(_ slot: Slot, at now: Date) -> Int {
        max(0, (settings.capacity[slot.letter] ?? 0) - taken(slot, at: now))
    }

    /// Whether the booking was missed: still booked when its check-in window closed.
    public func isMissed(_ booking: Booking, at now: Date) -> Bool {
        booking.status == .booked && now > plan.checkInWindow(booking.slot).upperBound
    }

    /// A booking that still holds its phone's quota: booked and not yet missed.
    private func isLive(_ booking: Booking, at now: Date) -> Bool {
        booking.status == .booked && !isMissed(booking, at: now)
    }

    /// The day from which a phone that missed too many bookings may book again, if it is
    /// banned at `now`: `banDays` after its last miss, counting misses of the last
    /// `missedWithinDays` days.
    public func bannedUntil(phoneKey: String, at now: Date) -> String? {
        let limits = settings.limits
        let today = plan.calendar.day(of: now)
        guard let todayDate = WorkingDays.date(today) else { return nil }
        let earliest = WorkingDays.text(todayDate - Double(limits.missedWithinDays) * 86_400)
        let missed = bookings(of: phoneKey).filter { isMissed($0, at: now) && $0.slot.day >= earliest }
        guard missed.count >= limits.missedBookings, let last = missed.map(\.slot.day).max(),
            let lastDate = WorkingDays.date(last)
        else { return nil }
        let until = WorkingDays.text(lastDate + Double(limits.banDays) * 86_400)
        return until > today ? until : nil
    }

    /// Why `phoneKey` may not book `slot` for `serviceId` at `now`, or nil when it may.
    /// `receivedAtHall` is whether the hall receives the service at all (its channels).
    public func refusal(
        slot: Slot, serviceId: String, phoneKey: String, receivedAtHall: Bool, at now: Date
    ) -> BookingRefusal? {
        guard receivedAtHall, plan.books(letter: slot.letter) else { return .notBookable }
        guard plan.workingDays.isWorkingDay(slot.day) else { return .closedDay }
        guard plan.offers(slot) else { return .noSuchSlot }
        guard now < plan.startsAt(slot) else { return .past }
        let opens = plan.bookingOpens(for: slot.day)
        guard now >= opens else { return .notYetOpen(opens: opens) }
        if let until = bannedUntil(phoneKey: phoneKey, at: now) { return .phoneBanned(until: until) }
        let live = bookings(of: phoneKey).filter { isLive($0, at: now) }
        if live.filter({ $0.serviceId == serviceId }).count >= settings.limits.perPhonePerService {
            return .phoneHasBooking
        }
        if live.count >= settings.limits.perPhone { return .phoneAtLimit }
        guard left(slot, at: now) > 0 else { return .slotFull }
        return nil
    }

    /// Records a booking the caller has checked with `refusal`.
    public mutating func add(_ booking: Booking) {
        bySlot[booking.slot, default: []].append(bookings.count)
        byPhone[booking.phoneKey, default: []].append(bookings.count)
        byCode[booking.code] = bookings.count
        bookings.append(booking)
    }

    /// Replaces the booking with the same code (a cancel or a check-in); false if none has it.
    @discardableResult
    public mutating func update(_ booking: Booking) -> Bool {
        guard let index = byCode[booking.code] else { return false }
        bookings[index] = booking
        return true
    }

    /// The booking with this code, if any.
    public func booking(code: String) -> Booking? {
        byCode[code].map { bookings[$0] }
    }

    /// The bookings made with one phone.
    public func bookings(of phoneKey: String) -> [Booking] {
        (byPhone[phoneKey] ?? []).map { bookings[$0] }
    }

    /// Why `booking` cannot be cancelled at `now`, or nil when it can.
    public func cancelRefusal(_ booking: Booking, at now: Date) -> BookingRefusal? {
        guard booking.status == .booked else { return .notBooked }
        let deadline = plan.startsAt(booking.slot) - Double(settings.cancelMinutesBefore) * 60
        return now <= deadline ? nil : .tooLateToCancel
    }

    /// What a check-in at `now` gives.
    public func checkIn(_ booking: Booking, at now: Date) -> CheckIn {
        guard booking.status == .booked else { return .notBooked }
        let window = plan.checkInWindow(booking.slot)
        if now < window.lowerBound { return .tooEarly(from: window.lowerBound) }
        if now > window.upperBound { return .tooLate }
        return .inTime
    }
}

/// What the kiosk does with a booking code.
public enum CheckIn: Sendable, Equatable {
    /// Issue a ticket marked `appointment`, ahead of walk-ins of its letter.
    case inTime
    /// Come back from this instant.
    case tooEarly(from: Date)
    /// The check-in window closed: a walk-in ticket, and the kiosk says so.
    case tooLate
    /// Cancelled, or checked in already.
    case notBooked
}
