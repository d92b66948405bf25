import Foundation

extension MetricsBook {
    /// The hall's figures over `from`…`to` (hall days, inclusive), or one service's, and one
    /// entry per service with its most missed materials (named from `catalogue`).
    public func report(from: String, to: String, serviceId: String?, catalogue: Catalogue, today: String)
        -> MetricsReport
    {
        let parts = rangeParts(from: from, to: to)
        var ids = parts.serviceIds
        var open = openCases(through: to)
        if let serviceId {
            ids = ids.filter { $0 == serviceId }
            open = open.filter { $0.key == serviceId }
        }
        return MetricsReport(
            from: from, to: to, serviceId: serviceId, serviceIds: ids, sum: { rangeSum(of: $0, parts) }, open: open,
            badReviews: badReviewCounts(from: from, to: to, today: today).only(serviceId), catalogue: catalogue)
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
