/// The report from figures already summed: what the city builds for each hall and for all of
/// them, from the rollups it keeps, with the same definitions as `MetricsBook.report`.
extension MetricsReport {
    /// - Parameters:
    ///   - sums: per service, the range's `DayStats` (`MetricsBook.sum`, or halls' sums added).
    ///   - open: per service, the cases open at the end of `to`.
    ///   - badReviews: the counts of the bad reviews made in the range (of `serviceId` alone if
    ///     given), as they stand on the day of the report.
    ///   - catalogue: names the services and materials, and lists services without figures;
    ///     nil lists only the services that have figures, named by id.
    public init(
        from: String, to: String, serviceId: String?, sums: [String: DayStats], open: [String: Int],
        badReviews: BadReviewCounts, catalogue: Catalogue?
    ) {
        self.init(
            from: from, to: to, serviceId: serviceId, serviceIds: Set(sums.keys),
            sum: { sums[$0].map(DayStatsSum.init) },
            open: open, badReviews: badReviews, catalogue: catalogue)
    }

    /// The one way a report is built from sums (`MetricsBook.report` and the city's alike):
    /// the hall's figures are the services' sums added as histograms, and every distribution
    /// is read from a histogram, never from a dictionary built back from it. `sum` gives each
    /// of `serviceIds` (the services with figures) when its turn comes, so that only one
    /// service's histograms and the hall's are held at a time.
    init(
        from: String, to: String, serviceId: String?, serviceIds: Set<String>, sum service: (String) -> DayStatsSum?,
        open: [String: Int], badReviews: BadReviewCounts, catalogue: Catalogue?
    ) {
        var hall = DayStatsSum()
        let ids = serviceId.map { [$0] } ?? catalogue?.services.map(\.id) ?? []
        let extra = serviceIds.subtracting(ids).sorted()
        let services = (ids + extra).map { id -> Service in
            let sum = (serviceIds.contains(id) ? service(id) : nil) ?? DayStatsSum()
            hall.add(sum)
            let materials = catalogue?.service(id: id)?.materials ?? []
            let missed = sum.stats.missed.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            return Service(
                serviceId: id, serviceName: catalogue?.service(id: id)?.name,
                metrics: HallMetrics(sum: sum, open: open[id] ?? 0, badReviews: badReviews[id]),
                mostMissedMaterials: missed.map { entry in
                    HallMetrics.MissedMaterial(
                        materialId: entry.key, name: materials.first { $0.id == entry.key }?.name ?? entry.key,
                        count: entry.value)
                })
        }
        self.init(
            from: from, to: to, serviceId: serviceId,
            metrics: HallMetrics(sum: hall, open: open.values.reduce(0, +), badReviews: badReviews.total),
            services: services)
    }
}

extension DayStats {
    /// Per service, the figures of several halls added up: counts add, and distributions add
    /// as histograms, so a median of the sum is the median of all values (never a median of
    /// medians).
    public static func adding(_ halls: [[String: DayStats]]) -> [String: DayStats] {
        var sums: [String: DayStatsSum] = [:]
        for hall in halls {
            for (serviceId, stats) in hall {
                sums[serviceId, default: DayStatsSum()].add(stats, cohortsFrom: "", to: "\u{10FFFF}")
            }
        }
        return sums.mapValues(\.total)
    }
}
