import Foundation

extension MetricsBook {
    /// The hall's figures over `from`…`to` (hall days, inclusive), or one service's, and one
    /// entry per service with its most missed materials (named from `catalogue`).
    public func report(from: String, to: String, serviceId: String?, catalogue: Catalogue, today: String)
        -> MetricsReport
    {
        var sums = sum(from: from, to: to)
        var open = openCases(through: to)
        var bad = badReviews.values.filter { $0.hallDay >= from && $0.hallDay <= to }
        if let serviceId {
            sums = sums.filter { $0.key == serviceId }
            open = open.filter { $0.key == serviceId }
            bad = bad.filter { $0.serviceId == serviceId }
        }
        // The services' sums added up through arrays too: merging their dictionaries of seconds
        // into one cost as much as the year's days did.
        var hall = DayStatsSum()
        for stats in sums.values { hall.add(stats, cohortsFrom: "", to: "\u{10FFFF}") }
        let total = hall.total
        let ids = serviceId.map { [$0] } ?? catalogue.services.map(\.id)
        let extra = Set(sums.keys).subtracting(ids).sorted()
        // Grouped once: a year has tens of thousands of bad reviews, filtered per service before.
        let badByService = Dictionary(grouping: bad, by: \.serviceId)
        let services = (ids + extra).map { id -> MetricsReport.Service in
            let stats = sums[id] ?? DayStats()
            let materials = catalogue.service(id: id)?.materials ?? []
            let missed = stats.missed.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            return MetricsReport.Service(
                serviceId: id, serviceName: catalogue.service(id: id)?.name,
                metrics: HallMetrics(
                    stats, open: open[id] ?? 0, badReviews: badByService[id] ?? [], today: today),
                mostMissedMaterials: missed.map { entry in
                    HallMetrics.MissedMaterial(
                        materialId: entry.key, name: materials.first { $0.id == entry.key }?.name ?? entry.key,
                        count: entry.value)
                })
        }
        return MetricsReport(
            from: from, to: to, serviceId: serviceId,
            metrics: HallMetrics(total, open: open.values.reduce(0, +), badReviews: bad, today: today),
            services: services)
    }
}

/// `GET /api/v1/metrics`: the range, the figures, and the same figures per service.
public struct MetricsReport: Sendable, Equatable, Encodable {
    public struct Service: Sendable, Equatable, Encodable {
        public var serviceId: String
        public var serviceName: String?
        public var metrics: HallMetrics
        /// The materials named missing most often: which guide to fix.
        public var mostMissedMaterials: [HallMetrics.MissedMaterial]
        /// The service's bookings in the range (`MetricsReport.setBookings`); null when the
        /// hall takes no appointments.
        public var bookings: BookingFigures?

        public init(
            serviceId: String, serviceName: String?, metrics: HallMetrics,
            mostMissedMaterials: [HallMetrics.MissedMaterial], bookings: BookingFigures? = nil
        ) {
            self.serviceId = serviceId
            self.serviceName = serviceName
            self.metrics = metrics
            self.mostMissedMaterials = mostMissedMaterials
            self.bookings = bookings
        }

        public func encode(to encoder: any Encoder) throws {
            try metrics.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(serviceId, forKey: .serviceId)
            try container.encode(serviceName, forKey: .serviceName)
            try container.encode(mostMissedMaterials, forKey: .mostMissedMaterials)
            try container.encode(bookings, forKey: .bookings)
        }

        enum Keys: String, CodingKey { case serviceId, serviceName, mostMissedMaterials, bookings }
    }

    public var from: String
    public var to: String
    public var serviceId: String?
    public var metrics: HallMetrics
    public var services: [Service]
    /// The range's bookings (预约); null when the hall takes no appointments.
    public var bookings: BookingFigures?

    public func encode(to encoder: any Encoder) throws {
        try metrics.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(serviceId, forKey: .serviceId)
        try container.encode(services, forKey: .services)
        try container.encode(bookings, forKey: .bookings)
    }

    enum Keys: String, CodingKey { case from, to, serviceId, services, bookings }
}
