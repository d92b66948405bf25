import OneWindowCore

/// `GET /api/v1/city/metrics`: the city's figures (every hall added up) and each hall's, each
/// in the form of the hall's own `GET /api/v1/metrics`.
public struct CityReport: Sendable, Encodable {
    public struct Hall: Sendable, Encodable {
        public var hallId: String
        public var name: String
        public var report: MetricsReport

        public func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(hallId, forKey: .hallId)
            try container.encode(name, forKey: .name)
        }
        enum Keys: String, CodingKey { case hallId, name }
    }

    public var city: MetricsReport
    public var halls: [Hall]

    /// Each hall's report from its figures, and the city's from all of them: the halls' sums
    /// add in place as histograms and counts (`RollupRangeSum.add`), open cases and bad reviews
    /// as counts. The halls are split into `parts` shares summed side by side, one per core:
    /// each hall's sums and report need nothing of another's. Throws for a hall whose running
    /// totals do not read (`CityStore.MalformedTotals`).
    public static func build(
        from: String, to: String, serviceId: String?, halls: [CityStore.Hall], figures: [String: CityStore.HallFigures],
        catalogue: Catalogue?, parts: Int = 2
    ) async throws -> CityReport {
        let size = max(1, (halls.count + parts - 1) / max(1, parts))
        let shares = stride(from: 0, to: halls.count, by: size).map { Array(halls[$0..<min($0 + size, halls.count)]) }
        let summed = try await withThrowingTaskGroup(of: (Int, Share).self) { group in
            for (index, share) in shares.enumerated() {
                group.addTask {
                    let share = try Share(
                        from: from, to: to, serviceId: serviceId, halls: share, figures: figures, catalogue: catalogue)
                    return (index, share)
                }
            }
            var summed = [Share?](repeating: nil, count: shares.count)
            for try await (index, share) in group { summed[index] = share }
            return summed.compactMap { $0 }
        }
        var city = Share(from: from, to: to)
        for share in summed { city.add(share) }
        return CityReport(
            city: MetricsReport(
                sums: city.sums, serviceId: serviceId, open: city.open, badReviews: city.badReviews,
                catalogue: catalogue),
            halls: summed.flatMap(\.halls))
    }

    /// Some halls' reports, and their sums added for the city's.
    struct Share: Sendable {
        var halls: [Hall] = []
        var sums: RollupRangeSum
        var open: [String: Int] = [:]
        var badReviews = BadReviewCounts()

        init(from: String, to: String) {
            sums = RollupRangeSum(from: from, to: to)
        }

        init(
            from: String, to: String, serviceId: String?, halls: [CityStore.Hall],
            figures: [String: CityStore.HallFigures], catalogue: Catalogue?
        ) throws(CityStore.MalformedTotals) {
            self.init(from: from, to: to)
            for hall in halls {
                let figures = figures[hall.hallId] ?? CityStore.HallFigures()
                let hallSums = try CityStore.MalformedTotals.naming(hall.hallId) {
                    () throws(CityStore.MalformedTotals) in
                    try figures.rangeSum(from: from, to: to)
                }
                let hallOpen = figures.open(through: to)
                let hallBad = figures.badReviews(from: from, to: to)
                sums.add(hallSums)
                open.merge(hallOpen, uniquingKeysWith: +)
                badReviews.add(hallBad)
                self.halls.append(
                    Hall(
                        hallId: hall.hallId, name: hall.name,
                        report: MetricsReport(
                            sums: hallSums, serviceId: serviceId, open: hallOpen, badReviews: hallBad,
                            catalogue: catalogue)))
            }
        }

        mutating func add(_ other: Share) {
            sums.add(other.sums)
            open.merge(other.open, uniquingKeysWith: +)
            badReviews.add(other.badReviews)
        }
    }
}
