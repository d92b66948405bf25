/// Whole months of stored days, summed once as the year to date: `yearToDate[m]` holds, per
/// service, every stored day from 1 January of `m`'s year to the end of `m`. A range's whole
/// months are then one such sum, or the difference of two (`DayStatsSum+Difference`), per year
/// they touch: a 365-day query reads at most three per service, where adding each month's own
/// sum read eleven or twelve (46 % of the query's time was reading their bytes). A cumulative
/// sum restarts each year, so none grows with the hall's age. A month is summed once it is
/// over (a later day, or its last day, is stored) as the year's previous sum plus its own days,
/// which the book holds then (`heldFrom`); a late day of a summed month is added to that month's
/// sum and the later ones of its year. The rollups store the same sums (`metrics_month`), so
/// that start-up reads them instead of every day since the hall began.
extension MetricsBook {
    /// The month (`2026-11`) of a hall day.
    static func month(of day: String) -> Substring { day.prefix(7) }

    /// The first day the book holds of the stored days when `latest` is the latest one: the
    /// first of the third month before `latest`'s, at least 89 days before it. The questions
    /// asked most (today, 30 days for `/manage` and Prometheus, 90 days for 常见缺件提醒) then
    /// need no other day, and a month is summed while its days are still held. Four months of
    /// days are about 2 MiB at a busy hall, what one query's histograms take anyway.
    public static func heldFrom(latest: String) -> String {
        guard latest > firstDay else { return firstDay }
        let month = month(of: latest)
        guard let year = Int(month.prefix(4)), let number = Int(month.suffix(2)) else { return "" }
        let (y, m) = number <= 3 ? (year - 1, number + 9) : (year, number - 3)
        return "\(y)-\(m < 10 ? "0" : "")\(m)-01"
    }

    /// The `heldFrom` of a book that holds a window but no stored day yet.
    public static let firstDay = "0000-01-01"

    /// The months of `months` that are over when `latestDay` is the latest stored day: before
    /// its month, or its month if `latestDay` is that month's last day.
    public static func monthsOver(_ months: some Sequence<Substring>, latestDay: String) -> [Substring] {
        let latest = month(of: latestDay)
        let over = latestDay == bounds(of: String(latest)).last
        return Set(months).filter { $0 < latest || (over && $0 == latest) }.sorted()
    }

    /// `base` (a year to date) plus `days`, per service: the next month's year to date.
    public static func yearToDate(_ base: [String: StoredDay], adding days: [[String: StoredDay]])
        -> [String: StoredDay]
    {
        guard !days.isEmpty else { return base }
        var running: [String: DayStatsSum] = [:]
        for services in [base] + days {
            for (serviceId, stored) in services {
                // Cannot throw: the bytes were checked when the day was stored.
                try? running[serviceId, default: DayStatsSum()].add(
                    rollup: stored.rollup, cohortsFrom: "", to: "\u{10FFFF}")
            }
        }
        return running.mapValues { StoredDay($0.total) }
    }

    /// Sums every held month that is over and not summed yet, in order, each onto the year's
    /// previous sum.
    mutating func sumMonths() {
        guard let latestDay = stored.keys.max() else { return }
        let months = Self.monthsOver(stored.keys.map(Self.month(of:)), latestDay: latestDay)
        for month in months where monthOpenCases[String(month)] == nil {
            let base = summedMonth(before: String(month)).flatMap { yearToDate[$0] } ?? [:]
            let days = stored.filter { Self.month(of: $0.key) == month }.sorted { $0.key < $1.key }.map(\.value)
            setSums(String(month), Self.yearToDate(base, adding: days))
        }
    }

    /// Keeps `month`'s sums and its open cases.
    mutating func setSums(_ month: String, _ sums: [String: StoredDay]) {
        yearToDate[month] = sums
        monthOpenCases[month] = sums.mapValues(\.casesOpenedLessEnded)
    }

    /// The latest summed month of `month`'s year before it, nil if none.
    func summedMonth(before month: String) -> String? {
        let year = month.prefix(5)
        return monthOpenCases.keys.filter { $0.hasPrefix(year) && $0 < month }.max()
    }

    /// A day stored now: added to the sums of its month and of the later months of its year,
    /// if any is summed already (a late part of a stored day, as a rule none).
    mutating func addToSums(_ day: String, _ services: [String: DayStats]) {
        let (month, year) = (String(Self.month(of: day)), day.prefix(5))
        for key in monthOpenCases.keys where key.hasPrefix(year) && key >= month {
            if let sums = yearToDate[key] {
                yearToDate[key] = Self.yearToDate(sums, adding: [services.mapValues(StoredDay.init)])
            }
            for (serviceId, stats) in services {
                monthOpenCases[key]![serviceId, default: 0] +=
                    stats.casesOpened - stats.casesClosed - stats.casesCancelled
            }
        }
    }

    /// Lets go of the stored days before the held window of the latest one (`heldFrom`), once
    /// their months are summed, and of the sums of years before the last two
    /// (`monthsHeldFrom`); a book that holds every day (`heldFrom` empty) keeps them.
    mutating func dropBeforeWindow() {
        guard !heldFrom.isEmpty, let latest = stored.keys.max() else { return }
        heldFrom = max(heldFrom, Self.heldFrom(latest: latest))
        for day in stored.keys where day < heldFrom && monthOpenCases[String(Self.month(of: day))] != nil {
            stored.removeValue(forKey: day)
        }
        let months = Self.monthsHeldFrom(latest: latest)
        for month in yearToDate.keys where month < months { yearToDate.removeValue(forKey: month) }
    }

    /// The first month whose sums the book holds when `latest` is the latest stored day:
    /// January of the year before (a 365-day range and this year's disclosure read no other).
    public static func monthsHeldFrom(latest: String) -> String {
        guard let year = Int(latest.prefix(4)) else { return "" }
        return "\(year - 1)-01"
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
