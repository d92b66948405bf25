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

    /// Each hall's report from its figures, and the city's from all of them: days' sums add as
    /// histograms and counts, open cases and the counts of bad reviews as counts.
    public init(
        from: String, to: String, serviceId: String?, halls: [CityStore.Hall], figures: [String: CityStore.HallFigures],
        catalogue: Catalogue?, today: String
    ) {
        var sums: [[String: DayStats]] = []
        var open: [String: Int] = [:]
        var bad = BadReviewCounts()
        self.halls = halls.map { hall in
            let figures = figures[hall.hallId] ?? CityStore.HallFigures()
            let hallSums = figures.sums(from: from, to: to)
            sums.append(hallSums)
            let hallOpen = figures.open(through: to)
            open.merge(hallOpen, uniquingKeysWith: +)
            let hallBad = figures.badReviews(from: from, to: to)
            bad.add(hallBad)
            return Hall(
                hallId: hall.hallId, name: hall.name,
                report: MetricsReport(
                    from: from, to: to, serviceId: serviceId, sums: hallSums, open: hallOpen,
                    badReviews: hallBad, catalogue: catalogue))
        }
        city = MetricsReport(
            from: from, to: to, serviceId: serviceId, sums: DayStats.adding(sums), open: open, badReviews: bad,
            catalogue: catalogue)
    }
}
