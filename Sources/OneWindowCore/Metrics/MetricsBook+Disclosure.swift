extension MetricsBook {
    /// The disclosure on hall day `today`: this year's months so far and the year to date.
    /// `badReviews`: per hall day of this year, the counts of the bad reviews made on it as they
    /// stand on `today` (`Storage.badReviewCountsByDay`): the share rectified in time needs the
    /// rectified ones, which the book does not keep.
    public func disclosure(catalogue: Catalogue, today: String, badReviews: [String: BadReviewCounts]) -> Disclosure {
        Disclosure(
            catalogue: catalogue, today: today,
            badReviews: { BadReviewCounts(days: badReviews, from: $0, to: $1) }, sum: { sum(from: $0, to: $1) })
    }
}

extension Disclosure {
    /// The disclosure on day `today` from any source of per-service sums over a range: one
    /// hall's book, or the city's halls added up (`DayStats.adding`), so both publish the same
    /// definitions. `badReviews`: per service, the counts of the bad reviews made in a range, as
    /// they stand on `today`.
    public init(
        catalogue: Catalogue, today: String, badReviews: (_ from: String, _ to: String) -> BadReviewCounts,
        sum: (_ from: String, _ to: String) -> [String: DayStats]
    ) {
        let year = String(today.prefix(4))
        let month = Int(today.dropFirst(5).prefix(2)) ?? 1
        let months = (1...max(1, month)).reversed().map { number -> Disclosure.Period in
            let name = "\(year)-\(number < 10 ? "0" : "")\(number)"
            let last = number == month ? today : "\(name)-\(Self.lastDay(ofMonth: number, year: Int(year) ?? 2000))"
            return Self.period(name, from: "\(name)-01", to: last, catalogue, badReviews, sum)
        }
        let certificates = catalogue.services.flatMap { item in
            item.materials.filter { $0.source == .government }.map { material in
                Disclosure.Certificate(
                    serviceId: item.id, serviceName: item.name, material: material.name,
                    issuer: material.issuer ?? PublicText.askAtWindow,
                    legalBasis: item.legalBasis.map { basis in basis.title + (basis.articles ?? "") })
            }
        }
        self.init(
            hallName: catalogue.hall.name, today: today, minimumCases: Disclosure.minimumCases,
            minimumWaits: Disclosure.minimumWaits,
            yearToDate: Self.period(year, from: "\(year)-01-01", to: today, catalogue, badReviews, sum),
            months: months, certificates: certificates)
    }

    /// The last day of a month, two digits: 28…31.
    static func lastDay(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func period(
        _ name: String, from: String, to: String, _ catalogue: Catalogue,
        _ badReviews: (String, String) -> BadReviewCounts, _ sum: (String, String) -> [String: DayStats]
    ) -> Disclosure.Period {
        let sums = sum(from, to)
        var hall = DayStats()
        for stats in sums.values { hall.add(stats, cohortsFrom: from, to: to) }
        let bad = badReviews(from, to)
        let services = catalogue.services.map { item in
            Disclosure.ServiceFigures(
                serviceId: item.id, serviceName: item.name,
                figures: Disclosure.Figures(
                    sums[item.id] ?? DayStats(), bad: bad[item.id]))
        }
        return Disclosure.Period(
            period: name, from: from, to: to, hall: Disclosure.Figures(hall, bad: bad.total),
            services: services)
    }
}
