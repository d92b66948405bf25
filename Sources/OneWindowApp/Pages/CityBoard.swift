import OneWindowCore

/// What `/city` shows: each hall's report and the city's over one range, from the same
/// `MetricsReport`s as `GET /api/v1/city/metrics`, and the overdue bad reviews per hall.
package struct CityBoard: Sendable {
    package struct HallRow: Sendable {
        package var hallId: String
        package var name: String
        package var report: MetricsReport

        package init(hallId: String, name: String, report: MetricsReport) {
            self.hallId = hallId
            self.name = name
            self.report = report
        }
    }

    /// A bad review past its deadline and not rectified: where and when, never who.
    package struct OverdueReview: Sendable {
        package var hallId: String
        package var serviceId: String
        package var hallDay: String
        package var due: String

        package init(hallId: String, serviceId: String, hallDay: String, due: String) {
            self.hallId = hallId
            self.serviceId = serviceId
            self.hallDay = hallDay
            self.due = due
        }
    }

    package var from: String
    package var to: String
    package var today: String
    /// The signed-in reader's name.
    package var device: String
    package var halls: [HallRow]
    package var city: MetricsReport
    package var overdue: [OverdueReview]
    /// Names services in the overdue list; nil names them by id.
    package var catalogue: Catalogue?
    /// Where the guides are published (a hall's public address, `--guide-base`): links go to
    /// `{guideBase}/guides/{id}#materials`; nil shows the materials without links.
    package var guideBase: String?

    package init(
        from: String, to: String, today: String, device: String, halls: [HallRow], city: MetricsReport,
        overdue: [OverdueReview], catalogue: Catalogue?, guideBase: String?
    ) {
        self.from = from
        self.to = to
        self.today = today
        self.device = device
        self.halls = halls
        self.city = city
        self.overdue = overdue
        self.catalogue = catalogue
        self.guideBase = guideBase
    }

    /// The first day of the default range: 30 days ending with `today`.
    package static func defaultFrom(today: String) -> String {
        ManageDashboard.firstDay(endingWith: today)
    }

    func serviceName(_ id: String) -> String {
        catalogue?.service(id: id)?.name ?? id
    }

    /// The link to service `id`'s guide, at its materials; nil without a guide base.
    func guideLink(_ id: String) -> SafeURL? {
        guard let base = guideBase else { return nil }
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        return SafeURL(trimmed + "/guides/" + HTML.urlComponent(id) + "#materials")
    }
}
