/// A range's sums, one service at a time: a report adds up a service, reads its figures and
/// lets its histograms go before the next (`MetricsReport(sum:)`). Summing all 35 services
/// first held 5 seconds histograms of each at once, tens of MiB at a year of a busy hall.
extension MetricsBook {
    /// What a range reads: the years to date whose difference is its summed months
    /// (`MetricsBook+Months`), the stored days outside those months from `from` on (a later day
    /// for its cohort changes), the days of those months outside the range to take away again,
    /// and the folded days from `from` on.
    struct RangeParts {
        var from: String
        var to: String
        var added: [[String: StoredDay]] = []
        var subtracted: [[String: StoredDay]] = []
        var stored: [(day: String, services: [String: StoredDay])] = []
        /// Days of a month at the range's ends that `added` holds whole: their own figures are
        /// taken away (their changes of the range's cohorts, if later than `to`, stay).
        var outside: [[String: StoredDay]] = []
        var days: [(day: String, services: [String: DayStats])] = []
        /// The services with a row that counts in the range.
        var serviceIds: Set<String> = []
    }

    func rangeParts(from: String, to: String) -> RangeParts {
        var parts = RangeParts(from: from, to: to)
        let (first, last) = summedMonths(from: from, to: to)
        if let first, let last {
            for year in Int(first.prefix(4))!...Int(last.prefix(4))! {
                let high = summedMonth(atOrBefore: min(last, "\(year)-12"), year: year)
                let low =
                    first.hasPrefix("\(year)-")
                    ? Self.monthBefore(Substring(first)).flatMap { summedMonth(atOrBefore: $0, year: year) } : nil
                guard let high, high != low, let sums = yearToDate[high] else { continue }
                parts.added.append(sums)
                if let low, let sums = yearToDate[low] { parts.subtracted.append(sums) }
            }
        }
        let firstDay = first.map { min(from, Self.bounds(of: $0).first) } ?? from
        for (day, services) in stored where day >= firstDay {
            let month = String(Self.month(of: day))
            if let first, let last, month >= first, month <= last {
                if day < from || day > to {
                    parts.outside.append(services)
                    for (serviceId, stored) in services where day > to && stored.hasCohortChanges {
                        parts.serviceIds.insert(serviceId)
                    }
                } else {
                    parts.serviceIds.formUnion(services.keys)
                }
                continue
            }
            parts.stored.append((day, services))
            for (serviceId, stored) in services where day <= to || stored.hasCohortChanges {
                parts.serviceIds.insert(serviceId)
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
    private func summedMonths(from: String, to: String) -> (first: String?, last: String?) {
        let (fromMonth, toMonth) = (String(Self.month(of: from)), String(Self.month(of: to)))
        let inside = yearToDate.keys.filter { month in
            let bounds = Self.bounds(of: month)
            return bounds.first >= from && bounds.last <= to
        }
        guard var first = inside.min(), var last = inside.max() else { return (nil, nil) }
        func day(_ text: String) -> Int { Int(text.suffix(2)) ?? 1 }
        if yearToDate[fromMonth] != nil, fromMonth.prefix(4) == first.prefix(4),
            day(from) - 1 < day(Self.bounds(of: fromMonth).last) - day(from) + 1
        {
            first = fromMonth
        }
        if yearToDate[toMonth] != nil, toMonth.prefix(4) == last.prefix(4),
            day(Self.bounds(of: toMonth).last) - day(to) < day(to)
        {
            last = toMonth
        }
        return (first, last)
    }

    /// The latest summed month of `year` up to `month`, nil if none.
    private func summedMonth(atOrBefore month: String, year: Int) -> String? {
        let prefix = "\(year)-"
        return yearToDate.keys.filter { $0.hasPrefix(prefix) && $0 <= month }.max()
    }

    /// One service's sum of the range, its cohort changes added into one
    /// (`DayStatsSum.rangeSum`); nil when no row of the range counts for it.
    func rangeSum(of serviceId: String, _ parts: RangeParts) -> DayStatsSum? {
        guard parts.serviceIds.contains(serviceId) else { return nil }
        let (from, to) = (parts.from, parts.to)
        var total = DayStatsSum()
        total.foldsCohorts = true
        // Cannot throw: the bytes were checked when the day was stored.
        for services in parts.added {
            guard let stored = services[serviceId] else { continue }
            try? total.add(rollup: stored.rollup, cohortsFrom: from, to: to)
        }
        for (day, services) in parts.stored {
            guard let stored = services[serviceId], day <= to || stored.hasCohortChanges else { continue }
            try? total.add(rollup: stored.rollup, cohortsOnly: day > to, cohortsFrom: from, to: to)
        }
        for (day, services) in parts.days {
            guard let stats = services[serviceId] else { continue }
            if day <= to {
                total.add(stats, cohortsFrom: from, to: to)
            } else if !stats.cohortChanges.isEmpty {
                total.addCohortChanges(stats, from: from, to: to)
            }
        }
        for services in parts.subtracted {
            guard let stored = services[serviceId] else { continue }
            try? total.subtract(rollup: stored.rollup, cohortsFrom: from, to: to)
        }
        for services in parts.outside {
            guard let stored = services[serviceId] else { continue }
            // Its own figures only: no cohort is from "\u{10FFFF}" to "".
            try? total.subtract(rollup: stored.rollup, cohortsFrom: "\u{10FFFF}", to: "")
        }
        return total.rangeSum
    }

    /// `sum(from:to:)` as the sums themselves, every service's at once.
    func rangeSums(from: String, to: String) -> [String: DayStatsSum] {
        let parts = rangeParts(from: from, to: to)
        var sums: [String: DayStatsSum] = [:]
        for serviceId in parts.serviceIds { sums[serviceId] = rangeSum(of: serviceId, parts) }
        return sums
    }
}
