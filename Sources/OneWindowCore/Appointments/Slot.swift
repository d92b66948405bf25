import Foundation

/// One bookable slot: a day, a start on the hall's clock, and the queue letter whose places it
/// holds (places are counted per letter, so 婚姻登记 and 低保 do not compete for one pool).
public struct Slot: Sendable, Hashable, Encodable {
    /// The hall-local day, `yyyy-MM-dd`.
    public let day: String
    public let start: ClockTime
    public let letter: String

    public init(day: String, start: ClockTime, letter: String) {
        self.day = day
        self.start = start
        self.letter = letter
    }
}

/// The slots the settings make on the hall's calendar: only on working days (holidays closed,
/// 调休 Saturdays open), each session cut into whole slots.
public struct SlotPlan: Sendable {
    public let settings: AppointmentSettings
    public let calendar: HallCalendar
    public let workingDays: WorkingDays

    public init(settings: AppointmentSettings, calendar: HallCalendar, workingDays: WorkingDays) {
        self.settings = settings
        self.calendar = calendar
        self.workingDays = workingDays
    }

    /// Whether the letter's services can be booked at all.
    public func books(letter: String) -> Bool {
        (settings.capacity[letter] ?? 0) > 0
    }

    /// The slots of `day` for `letter`, in order; none on a closed day or for a letter
    /// without places.
    public func slots(day: String, letter: String) -> [Slot] {
        guard books(letter: letter), workingDays.isWorkingDay(day) else { return [] }
        return settings.slotStarts.map { Slot(day: day, start: $0, letter: letter) }
    }

    /// Whether `slot` is one the plan offers.
    public func offers(_ slot: Slot) -> Bool {
        books(letter: slot.letter) && workingDays.isWorkingDay(slot.day) && settings.slotStarts.contains(slot.start)
    }

    /// The days from `from` to `to`, both included, at most `limit` of them.
    public static func days(from: String, to: String, limit: Int = 62) -> [String] {
        guard var date = WorkingDays.date(from), let end = WorkingDays.date(to) else { return [] }
        var days: [String] = []
        while date <= end && days.count < limit {
            days.append(WorkingDays.text(date))
            date += 86_400
        }
        return days
    }

    /// The instant `time` on the hall-local `day`.
    public func instant(day: String, at time: ClockTime) -> Date {
        calendar.instant(day: day, at: time)
    }

    /// When the slot starts.
    public func startsAt(_ slot: Slot) -> Date {
        instant(day: slot.day, at: slot.start)
    }

    /// When booking for `day` opens: `daysAhead` calendar days before it, at `opensAt`.
    public func bookingOpens(for day: String) -> Date {
        let date = WorkingDays.date(day).map { $0 - Double(settings.daysAhead) * 86_400 }
        return instant(day: date.map(WorkingDays.text) ?? day, at: settings.opensAt)
    }

    /// The check-in window of a slot: from `checkInMinutesBefore` before its start to
    /// `checkInMinutesAfter` after.
    public func checkInWindow(_ slot: Slot) -> ClosedRange<Date> {
        let start = startsAt(slot)
        return
            (start - Double(settings.checkInMinutesBefore) * 60)...(start
            + Double(settings.checkInMinutesAfter) * 60)
    }
}

extension HallCalendar {
    /// The instant `time` on the hall-local `day` (`yyyy-MM-dd`), in the hall's time zone.
    public func instant(day: String, at time: ClockTime) -> Date {
        instant(day: day, hour: time.hour, minute: time.minute) ?? .distantPast
    }
}
