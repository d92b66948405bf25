/// The report from figures already summed: what the city builds for each hall and for all of
/// them, from the rollups it keeps, with the same definitions as `MetricsBook.report`.
extension MetricsReport {
    /// - Parameters:
    ///   - sums: per service, the range's `DayStats` (`MetricsBook.sum`, or halls' sums added).
    ///   - open: per service, the cases open at the end of `to`.
    ///   - badReviews: the bad reviews made in the range.
    ///   - catalogue: names the services and materials, and lists services without figures;
    ///     nil lists only the services that have figures, named by id.
    public init(
        from: String, to: String, serviceId: String?, sums: [String: DayStats], open: [String: Int],
        badReviews: [MetricsBook.BadReview], catalogue: Catalogue?, today: String
    ) {
        var hall = DayStatsSum()
        for stats in sums.values { hall.add(stats, cohortsFrom: "", to: "\u{10FFFF}") }
        let ids = serviceId.map { [$0] } ?? catalogue?.services.map(\.id) ?? []
        let extra = Set(sums.keys).subtracting(ids).sorted()
        // Grouped once: a city's year has many bad reviews, and filtering them per service was slow.
        let badByService = Dictionary(grouping: badReviews, by: \.serviceId)
        let services = (ids + extra).map { id -> Service in
            let stats = sums[id] ?? DayStats()
            let materials = catalogue?.service(id: id)?.materials ?? []
            let missed = stats.missed.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            return Service(
                serviceId: id, serviceName: catalogue?.service(id: id)?.name,
                metrics: HallMetrics(
                    stats, open: open[id] ?? 0, badReviews: badByService[id] ?? [], today: today),
                mostMissedMaterials: missed.map { entry in
                    HallMetrics.MissedMaterial(
                        materialId: entry.key, name: materials.first { $0.id == entry.key }?.name ?? entry.key,
                        count: entry.value)
                })
        }
        self.init(
            from: from, to: to, serviceId: serviceId,
            metrics: HallMetrics(hall.total, open: open.values.reduce(0, +), badReviews: badReviews, today: today),
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
