extension MetricsBook {
    /// The disclosure on hall day `today`: this year's months so far and the year to date.
    public func disclosure(catalogue: Catalogue, today: String) -> Disclosure {
        let year = String(today.prefix(4))
        let month = Int(today.dropFirst(5).prefix(2)) ?? 1
        let months = (1...max(1, month)).reversed().map { number -> Disclosure.Period in
            let name = "\(year)-\(number < 10 ? "0" : "")\(number)"
            let last = number == month ? today : "\(name)-\(Self.lastDay(ofMonth: number, year: Int(year) ?? 2000))"
            return period(name, from: "\(name)-01", to: last, catalogue, today)
        }
        let certificates = catalogue.services.flatMap { item in
            item.materials.filter { $0.source == .government }.map { material in
                Disclosure.Certificate(
                    serviceId: item.id, serviceName: item.name, material: material.name,
                    issuer: material.issuer ?? PublicText.askAtWindow,
                    legalBasis: item.legalBasis.map { basis in basis.title + (basis.articles ?? "") })
            }
        }
        return Disclosure(
            hallName: catalogue.hall.name, today: today, minimumCases: Disclosure.minimumCases,
            minimumWaits: Disclosure.minimumWaits,
            yearToDate: period(year, from: "\(year)-01-01", to: today, catalogue, today), months: months,
            certificates: certificates)
    }

    /// The last day of a month, two digits: 28…31.
    static func lastDay(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private func period(
        _ name: String, from: String, to: String, _ catalogue: Catalogue, _ today: String
    ) -> Disclosure.Period {
        let sums = sum(from: from, to: to)
        var hall = DayStats()
        for stats in sums.values { hall.add(stats, cohortsFrom: from, to: to) }
        let bad = badReviews.values.filter { $0.hallDay >= from && $0.hallDay <= to }
        let services = catalogue.services.map { item in
            Disclosure.ServiceFigures(
                serviceId: item.id, serviceName: item.name,
                figures: Disclosure.Figures(
                    sums[item.id] ?? DayStats(), bad: bad.filter { $0.serviceId == item.id }, today: today))
        }
        return Disclosure.Period(
            period: name, from: from, to: to, hall: Disclosure.Figures(hall, bad: bad, today: today),
            services: services)
    }
}
