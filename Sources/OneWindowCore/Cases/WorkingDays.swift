import Foundation

/// Counts working days on the hall's calendar: Monday to Friday, less the hall's holidays,
/// plus weekend days declared working days (调休 makes some Saturdays and Sundays working days).
public struct WorkingDays: Sendable, Equatable {
    /// Days (`yyyy-MM-dd`) that are not working days though they fall on a weekday.
    public var holidays: Set<String>
    /// Weekend days (`yyyy-MM-dd`) that are working days.
    public var workdays: Set<String>

    public init(holidays: Set<String> = [], workdays: Set<String> = []) {
        self.holidays = holidays
        self.workdays = workdays
    }

    /// Whether `day` (`yyyy-MM-dd`) is a working day.
    public func isWorkingDay(_ day: String) -> Bool {
        guard let number = Self.number(day) else { return false }
        if workdays.contains(day) { return true }
        if holidays.contains(day) { return false }
        let weekday = CivilDay(number: number).weekday
        return weekday != 0 && weekday != 6
    }

    /// The day that is `count` working days after `day` (which itself does not count): a
    /// deadline of "15 working days" from a Friday review ends on the Friday three weeks on.
    public func adding(_ count: Int, to day: String) -> String {
        guard var number = Self.number(day) else { return day }
        var left = count
        while left > 0 {
            number += 1
            if isWorkingDay(CivilDay(number: number).text) { left -= 1 }
        }
        return CivilDay(number: number).text
    }

    /// Noon UTC of `day` (`yyyy-MM-dd`); nil if it is not three numbers. Out-of-range months
    /// and days roll over, as a lenient calendar does (2026-02-30 is 2 March).
    public static func date(_ day: String) -> Date? {
        number(day).map { Date(timeIntervalSince1970: TimeInterval($0 * 86_400 + 43_200)) }
    }

    /// The UTC day of `date` as `yyyy-MM-dd`. Civil arithmetic, not a Foundation calendar,
    /// whose time zones page in ICU.
    public static func text(_ date: Date) -> String {
        CivilDay(number: floorDivide(Int(date.timeIntervalSince1970.rounded(.down)), 86_400)).text
    }

    private static func number(_ day: String) -> Int? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let months = parts[0] * 12 + parts[1] - 1
        let year = floorDivide(months, 12)
        return CivilDay(year: year, month: months - year * 12 + 1, day: 1).number + parts[2] - 1
    }
}
