import Foundation

extension HallCalendar {
    /// The first instant after hall-local day `day` (yyyy-MM-dd): its next midnight, so that an
    /// instant falls on `day` or earlier exactly when it comes before. Nil for text that is not a day.
    public func end(ofDay day: String) -> Date? {
        guard let number = DayNumber.of(day) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(instant(localSecond: (number + 1) * 86_400)))
    }
}
