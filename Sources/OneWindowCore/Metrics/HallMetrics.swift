import Foundation

/// The manager's numbers for a range of hall days, for the hall or one service.
///
/// Definitions (also in the README): tickets, visits served, no-shows and expirations count by
/// the hall day they happened on; a case counts in the range in which it closed (or was
/// cancelled); `casesOpen` are the cases open at the end of the range. No-shows and expired
/// tickets are not visits. The one-visit rate is closed cases with exactly one visit over
/// closed cases; the promise rate, closed cases whose visits were within the service's
/// promised visits. Bad reviews (rating ≤ 2) made in the range count as open until rectified,
/// and as overdue once past their deadline on `today`.
public struct HallMetrics: Sendable, Equatable, Encodable {
    public struct Satisfaction: Sendable, Equatable, Encodable {
        /// Ratings per level, "1" … "5".
        public var counts: [String: Int]
        /// Ratings of 4 or 5 over all ratings; nil without ratings.
        public var satisfiedShare: Double?
        public var badOpen: Int
        public var badOverdue: Int

        enum Keys: String, CodingKey { case counts, satisfiedShare, badOpen, badOverdue }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(counts, forKey: .counts)
            try container.encode(satisfiedShare, forKey: .satisfiedShare)
            try container.encode(badOpen, forKey: .badOpen)
            try container.encode(badOverdue, forKey: .badOverdue)
        }
    }

    public struct MissedMaterial: Sendable, Equatable, Encodable {
        public var materialId: String
        public var name: String
        public var count: Int
    }

    public var ticketsIssued: Int
    public var visitsServed: Int
    public var noShows: Int
    public var expired: Int
    public var waitSeconds: Distribution
    public var serviceSeconds: ServiceTime
    public var casesClosed: Int
    public var casesOpen: Int
    public var casesCancelled: Int
    public var oneVisitRate: Double?
    public var visitPromiseRate: Double?
    public var visitsPerClosedCase: Double?
    public var satisfaction: Satisfaction

    /// Call to completion: the mean and the median only.
    public struct ServiceTime: Sendable, Equatable, Encodable {
        public var mean: Double?
        public var median: Int?

        enum Keys: String, CodingKey { case mean, median }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(mean, forKey: .mean)
            try container.encode(median, forKey: .median)
        }
    }

    /// The figures of `stats` (the range's sum), `open` cases and the range's bad reviews.
    public init(_ stats: DayStats, open: Int, badReviews: [MetricsBook.BadReview], today: String) {
        ticketsIssued = stats.ticketsIssued
        visitsServed = stats.visitsServed
        noShows = stats.noShows
        expired = stats.expired
        waitSeconds = Distribution(stats.waits)
        let service = Distribution(stats.services)
        serviceSeconds = ServiceTime(mean: service.mean, median: service.median)
        casesClosed = stats.casesClosed
        casesOpen = open
        casesCancelled = stats.casesCancelled
        oneVisitRate = Self.share(stats.oneVisitCases, of: stats.casesClosed)
        visitPromiseRate = Self.share(stats.withinPromiseCases, of: stats.casesClosed)
        visitsPerClosedCase =
            stats.casesClosed == 0
            ? nil : (Double(stats.closedCaseVisits) / Double(stats.casesClosed) * 1000).rounded() / 1000
        let rated = stats.ratings.values.reduce(0, +)
        let open = badReviews.filter { !$0.rectified }
        satisfaction = Satisfaction(
            counts: Dictionary(uniqueKeysWithValues: (1...5).map { ("\($0)", stats.ratings[$0] ?? 0) }),
            satisfiedShare: Self.share((stats.ratings[4] ?? 0) + (stats.ratings[5] ?? 0), of: rated),
            badOpen: open.count,
            badOverdue: open.filter { review in review.due.map { today > $0 } ?? false }.count)
    }

    private enum Keys: String, CodingKey {
        case ticketsIssued, visitsServed, noShows, expired, waitSeconds, serviceSeconds, casesClosed, casesOpen
        case casesCancelled, oneVisitRate, visitPromiseRate, visitsPerClosedCase, satisfaction
    }

    /// Every field is always there; a figure without data is null, not left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(ticketsIssued, forKey: .ticketsIssued)
        try container.encode(visitsServed, forKey: .visitsServed)
        try container.encode(noShows, forKey: .noShows)
        try container.encode(expired, forKey: .expired)
        try container.encode(waitSeconds, forKey: .waitSeconds)
        try container.encode(serviceSeconds, forKey: .serviceSeconds)
        try container.encode(casesClosed, forKey: .casesClosed)
        try container.encode(casesOpen, forKey: .casesOpen)
        try container.encode(casesCancelled, forKey: .casesCancelled)
        try container.encode(oneVisitRate, forKey: .oneVisitRate)
        try container.encode(visitPromiseRate, forKey: .visitPromiseRate)
        try container.encode(visitsPerClosedCase, forKey: .visitsPerClosedCase)
        try container.encode(satisfaction, forKey: .satisfaction)
    }

    /// `part / whole` to four decimals; nil when there is no whole.
    static func share(_ part: Int, of whole: Int) -> Double? {
        whole == 0 ? nil : (Double(part) / Double(whole) * 10_000).rounded() / 10_000
    }
}

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
        var total = DayStats()
        for stats in sums.values { total.add(stats) }
        let ids = serviceId.map { [$0] } ?? catalogue.services.map(\.id)
        let extra = Set(sums.keys).subtracting(ids).sorted()
        let services = (ids + extra).map { id -> MetricsReport.Service in
            let stats = sums[id] ?? DayStats()
            let materials = catalogue.service(id: id)?.materials ?? []
            let missed = stats.missed.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            return MetricsReport.Service(
                serviceId: id, serviceName: catalogue.service(id: id)?.name,
                metrics: HallMetrics(
                    stats, open: open[id] ?? 0, badReviews: bad.filter { $0.serviceId == id }, today: today),
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

        public func encode(to encoder: any Encoder) throws {
            try metrics.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(serviceId, forKey: .serviceId)
            try container.encode(serviceName, forKey: .serviceName)
            try container.encode(mostMissedMaterials, forKey: .mostMissedMaterials)
        }

        enum Keys: String, CodingKey { case serviceId, serviceName, mostMissedMaterials }
    }

    public var from: String
    public var to: String
    public var serviceId: String?
    public var metrics: HallMetrics
    public var services: [Service]

    public func encode(to encoder: any Encoder) throws {
        try metrics.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(serviceId, forKey: .serviceId)
        try container.encode(services, forKey: .services)
    }

    enum Keys: String, CodingKey { case from, to, serviceId, services }
}
