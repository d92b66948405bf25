/// Whole months of stored days, summed once as the year to date: `yearToDate[m]` holds, per
/// service, every stored day from 1 January of `m`'s year to the end of `m`. A range's whole
/// months are then one such sum, or the difference of two (`DayStatsSum+Difference`), per year
/// they touch: a 365-day query reads at most three per service, where adding each month's own
/// sum read eleven or twelve (46 % of the query's time was reading their bytes). A cumulative
/// sum restarts each year, so none grows with the hall's age. Months are summed once their
/// last day is stored, or a later month's (at start-up for the history, on the commit thread
/// once a month after that), and their year again if a late day of a summed month is stored.
extension MetricsBook {
    /// The month (`2026-11`) of a hall day.
    static func month(of day: String) -> Substring { day.prefix(7) }

    /// The months of `stored` that are over: before the latest day's, or the latest day's if
    /// that day is its last.
    private var monthsOver: Set<Substring> {
        guard let latestDay = stored.keys.max() else { return [] }
        let latest = Self.month(of: latestDay)
        let over = latestDay == Self.bounds(of: String(latest)).last
        return Set(stored.keys.map(Self.month(of:))).filter { $0 < latest || (over && $0 == latest) }
    }

    /// Sums every month that is over and not summed yet (with the rest of its year).
    mutating func sumMonths() {
        let years = Set(monthsOver.filter { yearToDate[String($0)] == nil }.map { $0.prefix(4) })
        for year in years { sumYear(year) }
    }

    /// Sums the months of `year` that are over, each as the year to date, per service.
    mutating func sumYear(_ year: Substring) {
        let over = monthsOver.filter { $0.prefix(4) == year }
        guard let last = over.max() else { return }
        var running: [String: DayStatsSum] = [:]
        var byMonth: [Substring: [(day: String, services: [String: StoredDay])]] = [:]
        for (day, services) in stored where day.prefix(4) == year && Self.month(of: day) <= last {
            byMonth[Self.month(of: day), default: []].append((day, services))
        }
        for month in byMonth.keys.sorted() {
            for (_, services) in byMonth[month]! {
                for (serviceId, stored) in services {
                    // Cannot throw: the bytes were checked when the day was stored.
                    try? running[serviceId, default: DayStatsSum()].add(
                        rollup: stored.rollup, cohortsFrom: "", to: "\u{10FFFF}")
                }
            }
            if over.contains(month) { yearToDate[String(month)] = running.mapValues { StoredDay($0.total) } }
        }
    }

    /// After `compact` stored `days`: the years of those that were summed are summed again, and
    /// a month that a later one has now followed is summed for the first time.
    mutating func daysStored(_ days: some Sequence<String>) {
        let summed = Set(days.map(Self.month(of:)).filter { yearToDate[String($0)] != nil }.map { $0.prefix(4) })
        for year in summed { sumYear(year) }
        sumMonths()
    }

    /// The month before `month` in the same year, nil for January.
    static func monthBefore(_ month: Substring) -> String? {
        guard let number = Int(month.suffix(2)), number > 1 else { return nil }
        return "\(month.prefix(4))-\(number <= 10 ? "0" : "")\(number - 1)"
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
