import OneWindowCore

/// How a range of hall days splits into the whole months inside it, read from `city_month`,
/// and the days around them, read from `city_day`. Months are `yyyy-MM`; a day of a month
/// sorts before the next month's text (`2026-11-30` < `2026-12`), so a month is a key range.
struct MonthRange: Sendable, Equatable {
    /// The first and last whole month inside the range; nil when it holds none.
    let firstWhole: String?
    let lastWhole: String?
    /// The month of the range's last day.
    let lastMonth: String
    /// The days to read: `from` up to (not including) `headEnd`, and `tailStart` up to `tailEnd`.
    let headEnd: String
    let tailStart: String
    let tailEnd: String

    init(from: String, to: String) {
        lastMonth = String(to.prefix(7))
        let firstMonth = String(from.prefix(7))
        let first = from == MetricsBook.bounds(of: firstMonth).first ? firstMonth : Self.next(firstMonth)
        let last = to == MetricsBook.bounds(of: lastMonth).last ? lastMonth : Self.previous(lastMonth)
        tailEnd = Self.next(lastMonth)
        if first <= last {
            (firstWhole, lastWhole) = (first, last)
            (headEnd, tailStart) = (first, Self.next(last))
        } else {
            (firstWhole, lastWhole) = (nil, nil)
            (headEnd, tailStart) = (tailEnd, tailEnd)
        }
    }

    /// The first and last day of `month`.
    static func bounds(of month: String) -> (first: String, last: String) {
        MetricsBook.bounds(of: month)
    }

    /// The month after `month` (`2026-12` → `2027-01`).
    static func next(_ month: String) -> String {
        let (year, number) = parts(month)
        return number == 12 ? text(year + 1, 1) : text(year, number + 1)
    }

    /// The month before `month` (`2027-01` → `2026-12`).
    static func previous(_ month: String) -> String {
        let (year, number) = parts(month)
        return number == 1 ? text(year - 1, 12) : text(year, number - 1)
    }

    private static func parts(_ month: String) -> (Int, Int) {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : (0, 1)
    }

    private static func text(_ year: Int, _ month: Int) -> String {
        let yyyy = String(year)
        let mm = String(month)
        return String(repeating: "0", count: max(0, 4 - yyyy.count)) + yyyy + "-" + (month < 10 ? "0" : "") + mm
    }
}
