/// A range's sums, one service at a time: a report adds up a service, reads its figures and
/// lets its histograms go before the next (`MetricsReport(sum:)`). Summing all 35 services
/// first held 5 seconds histograms of each at once, tens of MiB at a year of a busy hall.
extension MetricsBook {
    /// What a range reads: the summed months inside it, the stored days from `from` on outside
    /// those months (a later day for its cohort changes), and the folded days from `from` on.
    struct RangeParts {
        var from: String
        var to: String
        var months: [[String: StoredDay]] = []
        var stored: [(day: String, services: [String: StoredDay])] = []
        var days: [(day: String, services: [String: DayStats])] = []
        /// The services with a row that counts in the range.
        var serviceIds: Set<String> = []
    }

    func rangeParts(from: String, to: String) -> RangeParts {
        var parts = RangeParts(from: from, to: to)
        var summed = Set<Substring>()
        for (month, services) in months {
            let bounds = Self.bounds(of: month)
            guard bounds.first >= from, bounds.last <= to else { continue }
            summed.insert(Substring(month))
            parts.months.append(services)
            parts.serviceIds.formUnion(services.keys)
        }
        for (day, services) in stored where day >= from && !summed.contains(Self.month(of: day)) {
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

    /// One service's sum of the range, its cohort changes added into one
    /// (`DayStatsSum.rangeSum`); nil when no row of the range counts for it.
    func rangeSum(of serviceId: String, _ parts: RangeParts) -> DayStatsSum? {
        guard parts.serviceIds.contains(serviceId) else { return nil }
        let (from, to) = (parts.from, parts.to)
        var total = DayStatsSum()
        // Cannot throw: the bytes were checked when the day was stored.
        for services in parts.months {
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
