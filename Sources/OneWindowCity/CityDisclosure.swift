import OneWindowCore

/// `GET /api/v1/city/disclosure` (政务公开 for the whole city): the city's figures, every hall
/// added up, and each hall's, in the form of the hall's own `GET /api/v1/disclosure` and from
/// the same `Disclosure` code, so the definitions and the 样本不足 rule are the hall's.
public struct CityDisclosure: Sendable, Encodable {
    /// One hall's periods, as its own disclosure publishes them (its 证明事项清单 is the city's).
    public struct Hall: Sendable, Encodable {
        public var hallId: String
        public var name: String
        public var yearToDate: Disclosure.Period
        /// This year's months, the current one first.
        public var months: [Disclosure.Period]
    }

    /// The whole city: sums of all halls' days (histograms add, so medians are true medians).
    public var city: Disclosure
    public var halls: [Hall]

    /// The disclosure on the city's day `today` from each hall's figures of this year so far
    /// (`CityStore.figures(ranges: ranges(today:))`). Throws for a hall whose running totals do
    /// not read (`CityStore.MalformedTotals`): each hall's sums of those ranges are read first.
    public init(
        halls: [CityStore.Hall], figures: [String: CityStore.HallFigures], catalogue: Catalogue?, timeZone: String,
        today: String
    ) throws(CityStore.MalformedTotals) {
        let catalogue = catalogue ?? Self.emptyCatalogue(timeZone: timeZone)
        let each = halls.map { figures[$0.hallId] ?? CityStore.HallFigures() }
        var sums: [[String: [String: DayStats]]] = []
        for (hall, figures) in zip(halls, each) {
            var hallSums: [String: [String: DayStats]] = [:]
            for range in Self.ranges(today: today) {
                hallSums["\(range.from)…\(range.to)"] = try CityStore.MalformedTotals.naming(hall.hallId) {
                    () throws(CityStore.MalformedTotals) in
                    try figures.sums(from: range.from, to: range.to)
                }
            }
            sums.append(hallSums)
        }
        self.halls = zip(halls, zip(each, sums)).map { hall, read in
            let (figures, sums) = read
            let own = Disclosure(
                catalogue: catalogue, today: today, badReviews: { figures.badReviews(from: $0, to: $1) },
                sum: { sums["\($0)…\($1)"] ?? [:] })
            return Hall(hallId: hall.hallId, name: hall.name, yearToDate: own.yearToDate, months: own.months)
        }
        city = Disclosure(
            catalogue: catalogue, today: today,
            badReviews: { from, to in
                each.reduce(into: BadReviewCounts()) { $0.add($1.badReviews(from: from, to: to)) }
            },
            sum: { from, to in DayStats.adding(sums.map { $0["\(from)…\(to)"] ?? [:] }) })
        city.hallName = "全市"
    }

    /// The ranges the disclosure of `today` sums (`Disclosure`'s periods): the year so far and
    /// each of its months up to `today`, read together (`CityStore.figures(ranges:)`).
    static func ranges(today: String) -> [(from: String, to: String)] {
        let year = String(today.prefix(4))
        let month = Int(today.dropFirst(5).prefix(2)) ?? 1
        return [("\(year)-01-01", today)]
            + (1...max(1, month)).map { number in
                let name = "\(year)-\(number < 10 ? "0" : "")\(number)"
                return ("\(name)-01", number == month ? today : MetricsBook.bounds(of: name).last)
            }
    }

    /// Without a catalogue (`--catalogue`) the figures are the halls' totals, with no services.
    private static func emptyCatalogue(timeZone: String) -> Catalogue {
        Catalogue(
            hall: OneWindowCore.Hall(name: "全市", timeZone: timeZone, address: "", hours: "", windows: []),
            services: [])
    }
}
