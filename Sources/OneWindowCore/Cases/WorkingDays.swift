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

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Whether `day` (`yyyy-MM-dd`) is a working day.
    public func isWorkingDay(_ day: String) -> Bool {
        guard let date = Self.date(day) else { return false }
        if workdays.contains(day) { return true }
        if holidays.contains(day) { return false }
        let weekday = Self.calendar.component(.weekday, from: date)
        return weekday != 1 && weekday != 7
    }

    /// The day that is `count` working days after `day` (which itself does not count): a
    /// deadline of "15 working days" from a Friday review ends on the Friday three weeks on.
    public func adding(_ count: Int, to day: String) -> String {
        guard var date = Self.date(day) else { return day }
        var left = count
        while left > 0 {
            date = Self.calendar.date(byAdding: .day, value: 1, to: date)!
            if isWorkingDay(Self.text(date)) { left -= 1 }
        }
        return Self.text(date)
    }

    public static func date(_ day: String) -> Date? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12))
    }

    public static func text(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        func pad(_ value: Int, _ width: Int = 2) -> String {
            String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
        }
        return "\(pad(parts.year!, 4))-\(pad(parts.month!))-\(pad(parts.day!))"
    }
}
