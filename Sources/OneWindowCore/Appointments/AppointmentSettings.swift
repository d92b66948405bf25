/// The hall's appointment (预约) settings, from `hall.appointments` in `services.json`: when
/// slots run, how many places each holds, how far ahead booking opens, and the rules against
/// scalping. A hall whose catalogue has no `appointments` object takes no bookings.
///
/// Every field but `sessions`, `slotMinutes` and `capacity` has a default (the values below),
/// documented in the README; the defaults follow what Berlin's ZMS and the Chinese halls'
/// 网上预约 do (one live booking per service, three in all, a ban after two missed bookings).
public struct AppointmentSettings: Sendable, Equatable, Encodable {
    /// A span of the day in which slots run, e.g. 09:00–11:30; a slot must end inside it.
    public struct Session: Sendable, Equatable, Encodable {
        public var from: ClockTime
        public var to: ClockTime

        public init(from: ClockTime, to: ClockTime) {
            self.from = from
            self.to = to
        }
    }

    public var sessions: [Session]
    /// Length of one slot in minutes (5–240).
    public var slotMinutes: Int
    /// Places per slot, per queue letter: `{"A": 2, "B": 1}`. The services of a letter that is
    /// not listed cannot be booked (they stay walk-in only).
    public var capacity: [String: Int]
    /// Booking for a day opens `daysAhead` calendar days before it, at `opensAt`.
    public var daysAhead: Int = 7
    public var opensAt: ClockTime = ClockTime(hour: 8, minute: 0)
    /// An applicant may cancel up to this many minutes before the slot starts.
    public var cancelMinutesBefore: Int = 60
    /// Check-in at a kiosk is open from this many minutes before the slot's start …
    public var checkInMinutesBefore: Int = 30
    /// … to this many minutes after it; later, the applicant gets a walk-in ticket.
    public var checkInMinutesAfter: Int = 15
    /// A cancelled place returns to the pool only after this delay, so that a scalper cannot
    /// hand a place over by cancelling and rebooking at an agreed second.
    public var releaseDelayMinutes: Int = 15
    /// Appointments must not starve walk-ins: at most this many appointment tickets are called
    /// in a row while a walk-in of the same letter has waited longer than `walkInWaitMinutes`.
    public var maxAppointmentsInRow: Int = 2
    public var walkInWaitMinutes: Int = 20
    /// The reminder of tomorrow's bookings goes at this hour the day before (18:00 by default:
    /// after work, early enough to cancel).
    public var reminderAt: ClockTime = ClockTime(hour: 18, minute: 0)
    public var limits: BookingLimits = BookingLimits()

    public init(sessions: [Session], slotMinutes: Int, capacity: [String: Int]) {
        self.sessions = sessions
        self.slotMinutes = slotMinutes
        self.capacity = capacity
    }

    /// The starts of every slot of a bookable day, in order: each session cut into whole slots
    /// (a remainder shorter than a slot is not offered).
    public var slotStarts: [ClockTime] {
        sessions.flatMap { session -> [ClockTime] in
            stride(from: session.from.minutes, through: session.to.minutes - slotMinutes, by: slotMinutes)
                .map(ClockTime.init(minutes:))
        }
    }
}

/// The limits on one phone and on verification codes, all settings with these defaults.
public struct BookingLimits: Sendable, Equatable, Encodable {
    /// Live bookings (booked, not yet past) one phone may hold for one service …
    public var perPhonePerService: Int = 1
    /// … and in all.
    public var perPhone: Int = 3
    /// A phone that missed this many bookings within `missedWithinDays` days …
    public var missedBookings: Int = 2
    public var missedWithinDays: Int = 30
    /// … cannot book for this many days after its last miss.
    public var banDays: Int = 30
    /// A verification code lives this long and allows this many tries.
    public var codeMinutes: Int = 5
    public var codeTries: Int = 5
    /// Codes sent per phone, and per client address, in an hour.
    public var codesPerPhonePerHour: Int = 5
    public var codesPerAddressPerHour: Int = 20

    public init() {}
}
