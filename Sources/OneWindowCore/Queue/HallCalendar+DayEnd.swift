import Foundation

extension HallCalendar {
    /// The first instant after hall-local day `day` (yyyy-MM-dd): its next midnight, so that an
    /// instant falls on `day` or earlier exactly when it comes before. Nil for text that is not a day.
    public func end(ofDay day: String) -> Date? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, DayNumber.of(day) != nil else { return nil }
        let next = CivilDay(year: parts[0], month: parts[1], day: parts[2]).number + 1
        return Date(timeIntervalSince1970: TimeInterval(instant(localSecond: next * 86_400)))
    }
}
