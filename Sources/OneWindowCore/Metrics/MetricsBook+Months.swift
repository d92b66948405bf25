/// Whole months of stored days, summed once: a query for a year adds a dozen months' bytes
/// instead of 365 days' (per service), which was most of its time (50 ms at a year's history).
/// A month is summed once its last day is stored, or a later month's (at start-up for the
/// history, on the commit thread once a month after that), and again if a late day of it is stored.
extension MetricsBook {
    /// The month (`2026-11`) of a hall day.
    static func month(of day: String) -> Substring { day.prefix(7) }

    /// Sums every month of `stored` that is over: before the latest day's, or the latest day's
    /// if that day is its last.
    mutating func sumMonths() {
        guard let latestDay = stored.keys.max() else { return }
        let latest = Self.month(of: latestDay)
        let over = latestDay == Self.bounds(of: String(latest)).last
        let months = Set(stored.keys.map(Self.month(of:))).filter { $0 < latest || (over && $0 == latest) }
        for month in months where self.months[String(month)] == nil { sumMonth(month) }
    }

    /// Sums the stored days of `month`, per service.
    mutating func sumMonth(_ month: Substring) {
        var sums: [String: DayStatsSum] = [:]
        for (day, services) in stored where Self.month(of: day) == month {
            for (serviceId, stored) in services {
                // Cannot throw: the bytes were checked when the day was stored.
                try? sums[serviceId, default: DayStatsSum()].add(
                    rollup: stored.rollup, cohortsFrom: "", to: "\u{10FFFF}")
            }
        }
        months[String(month)] = sums.mapValues { StoredDay($0.total) }
    }

    /// After `compact` stored `days`: their months are summed again if they were summed, and a
    /// month that a later one has now followed is summed for the first time.
    mutating func daysStored(_ days: some Sequence<String>) {
        for month in Set(days.map(Self.month(of:))) where months[String(month)] != nil { sumMonth(month) }
        sumMonths()
    }

    /// The first and last calendar day of `month` (`2026-11` → `2026-11-01`, `2026-11-30`).
    public static func bounds(of month: String) -> (first: String, last: String) {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return (month + "-01", month + "-31") }
        let (year, number) = (parts[0], parts[1])
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let length = number == 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].contains(number) ? 30 : 31
        return (month + "-01", month + "-" + String(length))
    }
}
