import Foundation

/// The hall's clock: which hall-local day an instant falls on. Ticket numbers restart each day.
public struct HallCalendar: Sendable {
    let calendar: Calendar

    /// - Parameter timeZone: an IANA identifier already checked by the catalogue loader.
    public init(timeZone: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 8 * 3600)!
        self.calendar = calendar
    }

    /// The hall-local date of `instant` as `yyyy-MM-dd`.
    public func day(of instant: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        let month = parts.month! < 10 ? "0\(parts.month!)" : "\(parts.month!)"
        let day = parts.day! < 10 ? "0\(parts.day!)" : "\(parts.day!)"
        return "\(parts.year!)-\(month)-\(day)"
    }

    /// The instants of the hall-local day `instant` falls on: from its midnight to the next.
    public func dayRange(of instant: Date) -> Range<Date> {
        let interval = calendar.dateInterval(of: .day, for: instant) ?? DateInterval(start: instant, duration: 1)
        return interval.start..<interval.end
    }

    /// The instant of `hour:minute` hall-local time on the day of `instant`.
    public func instant(onDayOf instant: Date, hour: Int, minute: Int) -> Date {
        calendar.date(bySettingHour: hour, minute: minute, second: 0, of: instant) ?? instant
    }
}
