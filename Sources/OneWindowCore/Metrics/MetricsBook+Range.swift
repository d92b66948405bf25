/// A range's sums, one service at a time: a report adds up a service, reads its figures and
/// lets its histograms go before the next (`MetricsReport(sum:)`). Summing all 35 services
/// first held 5 seconds histograms of each at once, tens of MiB at a year of a busy hall.
///
/// A range's figures are its days' own figures plus every change of its cohorts, on whatever
/// day it was told. The own figures come from the years to date of its whole months
/// (`MetricsBook+Months`) and the days at its ends; the cohorts' changes from each year's
/// latest sum from the range's year on and the days no sum holds yet (the held ones): no day
/// after the range is read one by one, however long ago the range lies.
extension MetricsBook {
    /// What a range reads (each a list of per-service rollups).
    struct RangeParts {
        var from: String
        var to: String
        /// Years to date whose own figures add (and their cohort changes when `cohorts` holds
        /// them not), and those taken away: the range's summed months.
        var added: [(sums: [String: StoredDay], withCohorts: Bool)] = []
        var subtracted: [[String: StoredDay]] = []
        /// Stored days of the range outside its summed months: their own figures add.
        var inside: [[String: StoredDay]] = []
        /// Days of a summed month at the range's ends, outside the range: their own figures
        /// are taken away.
        var outside: [[String: StoredDay]] = []
        /// What tells of the range's cohorts: each year's latest sum from the range's year on,
        /// and the stored days from `from` on that no sum holds.
        var cohorts: [[String: StoredDay]] = []
        /// The folded days from `from` on.
        var days: [(day: String, services: [String: DayStats])] = []
        /// The services with a row that may count in the range.
        var serviceIds: Set<String> = []
    }

    /// The months whose sums a range reads: per year of its summed months the one added and
    /// the one taken away, and each year's latest from the range's year on, for its cohorts.
    struct SumsRead {
        var first: String?
        var last: String?
        var own: [(high: String, low: String?)] = []
        var cohorts: [String] = []
        /// Per year, the latest sum: it holds every day of its year up to its month's end.
        var latest: [Substring: String] = [:]

        var all: Set<String> { Set(own.map(\.high) + own.compactMap(\.low) + cohorts) }
    }

    func sumsRead(from: String, to: String) -> SumsRead {
        let (first, last) = summedMonths(from: from, to: to)
        var read = SumsRead(first: first, last: last)
        for month in monthOpenCases.keys {
            read.latest[month.prefix(4)] = max(read.latest[month.prefix(4)] ?? "", month)
        }
        if let first, let last {
            for year in Int(first.prefix(4))!...Int(last.prefix(4))! {
                let high = summedMonth(atOrBefore: min(last, "\(year)-12"), year: year)
                let low =
                    first.hasPrefix("\(year)-")
                    ? Self.monthBefore(Substring(first)).flatMap { summedMonth(atOrBefore: $0, year: year) } : nil
                guard let high, high != low else { continue }
                read.own.append((high, low))
            }
        }
        let added = Set(read.own.map(\.high))
        read.cohorts = read.latest.filter { $0.key >= from.prefix(4) && !added.contains($0.value) }.map(\.value)
        return read
    }

    func rangeParts(from: String, to: String) -> RangeParts {
        var parts = RangeParts(from: from, to: to)
        let read = sumsRead(from: from, to: to)
        let (first, last, latest) = (read.first, read.last, read.latest)
        // A sum not held (`missingMonths`) counts as none: the reader holds them first.
        for (high, low) in read.own {
            guard let sums = yearToDate[high] else { continue }
            parts.added.append((sums, latest[high.prefix(4)] == high))
            parts.serviceIds.formUnion(sums.keys)
            if let low, let sums = yearToDate[low] { parts.subtracted.append(sums) }
        }
        for month in read.cohorts {
            guard let sums = yearToDate[month] else { continue }
            parts.cohorts.append(sums)
            for (serviceId, stored) in sums where stored.hasCohortChanges { parts.serviceIds.insert(serviceId) }
        }
        for (day, services) in stored where day >= min(from, first.map { Self.bounds(of: $0).first } ?? from) {
            let month = String(Self.month(of: day))
            if latest[month.prefix(4)].map({ month > $0 }) ?? true, day >= from {
                parts.cohorts.append(services)
                for (serviceId, stored) in services where stored.hasCohortChanges { parts.serviceIds.insert(serviceId) }
            }
            if let first, let last, month >= first, month <= last {
                if day < from || day > to { parts.outside.append(services) }
            } else if day <= to, day >= from {
                parts.inside.append(services)
                parts.serviceIds.formUnion(services.keys)
            }
        }
        for (day, services) in days where day >= from {
            parts.days.append((day, services))
            for (serviceId, stats) in services where day <= to || !stats.cohortChanges.isEmpty {
                parts.serviceIds.insert(serviceId)
            }
        }
        return parts
    }

    /// The first and last month whose stored days a range reads through `yearToDate`: the
    /// summed months inside it, and a summed month at either end when fewer of its days lie
    /// outside the range than inside (those are taken away instead of the others added), if
    /// that reads no year to date more: when the months inside reach into the end month's year.
    /// A month on its own would cost two years to date, each larger than many days.
    func summedMonths(from: String, to: String) -> (first: String?, last: String?) {
        let (fromMonth, toMonth) = (String(Self.month(of: from)), String(Self.month(of: to)))
        let inside = monthOpenCases.keys.filter { month in
            let bounds = Self.bounds(of: month)
            return bounds.first >= from && bounds.last <= to
        }
        guard var first = inside.min(), var last = inside.max() else { return (nil, nil) }
        func day(_ text: String) -> Int { Int(text.suffix(2)) ?? 1 }
        if monthOpenCases[fromMonth] != nil, fromMonth.prefix(4) == first.prefix(4),
            day(from) - 1 < day(Self.bounds(of: fromMonth).last) - day(from) + 1
        {
            first = fromMonth
        }
        if monthOpenCases[toMonth] != nil, toMonth.prefix(4) == last.prefix(4),
            day(Self.bounds(of: toMonth).last) - day(to) < day(to)
        {
            last = toMonth
        }
        return (first, last)
    }

    /// The latest summed month of `year` up to `month`, nil if none.
    func summedMonth(atOrBefore month: String, year: Int) -> String? {
        let prefix = "\(year)-"
        return monthOpenCases.keys.filter { $0.hasPrefix(prefix) && $0 <= month }.max()
    }

    /// One service's sum of the range, its cohort changes added into one
    /// (`DayStatsSum.rangeSum`); nil when no row of the range counts for it.
    func rangeSum(of serviceId: String, _ parts: RangeParts) -> DayStatsSum? {
        guard parts.serviceIds.contains(serviceId) else { return nil }
        let (from, to) = (parts.from, parts.to)
        // A day's own figures only: no cohort is from "\u{10FFFF}" to "".
        let (none, nothing) = ("\u{10FFFF}", "")
        var total = DayStatsSum()
        total.foldsCohorts = true
        // Cannot throw: the bytes were checked when the day was stored.
        for services in parts.cohorts {
            guard let stored = services[serviceId], stored.hasCohortChanges else { continue }
            try? total.add(rollup: stored.rollup, cohortsOnly: true, cohortsFrom: from, to: to)
        }
        for (services, withCohorts) in parts.added {
            guard let stored = services[serviceId] else { continue }
            try? total.add(
                rollup: stored.rollup, cohortsFrom: withCohorts ? from : none, to: withCohorts ? to : nothing)
        }
        for services in parts.inside {
            guard let stored = services[serviceId] else { continue }
            try? total.add(rollup: stored.rollup, cohortsFrom: none, to: nothing)
        }
        for (day, services) in parts.days {
            guard let stats = services[serviceId] else { continue }
            if day <= to {
                total.add(stats, cohortsFrom: from, to: to)
            } else if !stats.cohortChanges.isEmpty {
                total.addCohortChanges(stats, from: from, to: to)
            }
        }
        for services in parts.subtracted + parts.outside {
            guard let stored = services[serviceId] else { continue }
            try? total.subtract(rollup: stored.rollup, cohortsFrom: none, to: nothing)
        }
        return total.rangeSum
    }

    /// `sum(from:to:)` as the sums themselves, every service's at once (none for a service
    /// whose rows in and after the range add up to nothing of it).
    func rangeSums(from: String, to: String) -> [String: DayStatsSum] {
        let parts = rangeParts(from: from, to: to)
        var sums: [String: DayStatsSum] = [:]
        for serviceId in parts.serviceIds {
            guard let sum = rangeSum(of: serviceId, parts), sum.total != DayStats() else { continue }
            sums[serviceId] = sum
        }
        return sums
    }
}
