import Foundation

/// The manager's numbers for a range of hall days, for the hall or one service.
///
/// Definitions (also in the README): tickets, visits served, no-shows and expirations count by
/// the hall day they happened on; a case counts in the range in which it closed (or was
/// cancelled); `casesOpen` are the cases open at the end of the range. No-shows and expired
/// tickets are not visits. The wait is issue to first call of every ticket called, no-shows
/// included, on the day of that call. First visits and the cohort count the cases whose first
/// visit ended at a window in the range (see `Cohort`); the cohort's one-visit rate replaces
/// the closed-cases-only rate, kept as `closedCasesOneVisitRate` (closed cases with exactly one
/// visit over closed cases), which leaves out a case needing a second trip until it closes.
/// The promise rate: closed cases whose visits were within the service's promised visits. Bad
/// reviews (rating ≤ 2) made in the range count as open until rectified, and as overdue once
/// past their deadline on the day the report is made (`BadReviewCounts`).
public struct HallMetrics: Sendable, Equatable, Encodable {
    public struct Satisfaction: Sendable, Equatable, Encodable {
        /// Ratings per level, "1" … "5".
        public var counts: [String: Int]
        /// The same per channel (pad, phone, kiosk, and `unknown` if any came without one):
        /// channel → level → count; the three channels always, with zeros.
        public var byChannel: [String: [String: Int]]
        /// Ratings of 4 or 5 over all ratings; nil without ratings.
        public var satisfiedShare: Double?
        public var badOpen: Int
        public var badOverdue: Int

        enum Keys: String, CodingKey { case counts, byChannel, satisfiedShare, badOpen, badOverdue }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(counts, forKey: .counts)
            try container.encode(byChannel, forKey: .byChannel)
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
    public var firstVisits: Int
    public var firstVisitResolved: Int
    /// First visits that closed their case over first visits: known when a visit ends, so
    /// never censored. Nil without first visits.
    public var firstVisitResolutionRate: Double?
    public var cohort: Cohort
    public var closedCasesOneVisitRate: Double?
    public var visitPromiseRate: Double?
    public var visitsPerClosedCase: Double?
    public var satisfaction: Satisfaction
    /// Per ticket channel, always all three (`walk_in`, `appointment`, `remote`): tickets issued
    /// and their waits, with the same definitions as the hall's.
    public var channels: [String: ChannelFigures]

    public struct ChannelFigures: Sendable, Equatable, Encodable {
        public var ticketsIssued: Int
        public var waitSeconds: Distribution
    }

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

    /// The figures of `stats` (the range's sum), `open` cases and the counts of the range's bad reviews.
    public init(_ stats: DayStats, open: Int, badReviews: BadReviewCounts.Count) {
        self.init(sum: DayStatsSum(stats), open: open, badReviews: badReviews)
    }

    /// The figures straight from a sum: its distributions are read from its histograms.
    init(sum: DayStatsSum, open: Int, badReviews: BadReviewCounts.Count) {
        let stats = sum.stats
        ticketsIssued = stats.ticketsIssued
        visitsServed = stats.visitsServed
        noShows = stats.noShows
        expired = stats.expired
        waitSeconds = Distribution(sum.waits)
        let service = Distribution(sum.services)
        serviceSeconds = ServiceTime(mean: service.mean, median: service.median)
        casesClosed = stats.casesClosed
        casesOpen = open
        casesCancelled = stats.casesCancelled
        firstVisits = stats.firstVisits
        firstVisitResolved = stats.firstVisitResolved
        firstVisitResolutionRate = Self.share(stats.firstVisitResolved, of: stats.firstVisits)
        cohort = Cohort(stats)
        closedCasesOneVisitRate = Self.share(stats.oneVisitCases, of: stats.casesClosed)
        visitPromiseRate = Self.share(stats.withinPromiseCases, of: stats.casesClosed)
        visitsPerClosedCase =
            stats.casesClosed == 0
            ? nil : (Double(stats.closedCaseVisits) / Double(stats.casesClosed) * 1000).rounded() / 1000
        let rated = stats.ratings.values.reduce(0, +)
        satisfaction = Satisfaction(
            counts: Self.levels(stats.ratings),
            byChannel: Self.byChannel(stats.channelRatings),
            satisfiedShare: Self.share((stats.ratings[4] ?? 0) + (stats.ratings[5] ?? 0), of: rated),
            badOpen: badReviews.open, badOverdue: badReviews.overdue)
        channels = Dictionary(
            uniqueKeysWithValues: Ticket.Channel.allCases.map { channel in
                (
                    channel.rawValue,
                    ChannelFigures(
                        ticketsIssued: stats.channelIssued[channel.rawValue] ?? 0,
                        waitSeconds: Distribution(sum.channelWaits[channel.rawValue] ?? SecondsHistogram()))
                )
            })
    }

    private enum Keys: String, CodingKey {
        case ticketsIssued, visitsServed, noShows, expired, waitSeconds, serviceSeconds, casesClosed, casesOpen
        case casesCancelled, firstVisits, firstVisitResolved, firstVisitResolutionRate, cohort
        case closedCasesOneVisitRate, visitPromiseRate, visitsPerClosedCase, satisfaction, channels
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
        try container.encode(firstVisits, forKey: .firstVisits)
        try container.encode(firstVisitResolved, forKey: .firstVisitResolved)
        try container.encode(firstVisitResolutionRate, forKey: .firstVisitResolutionRate)
        try container.encode(cohort, forKey: .cohort)
        try container.encode(closedCasesOneVisitRate, forKey: .closedCasesOneVisitRate)
        try container.encode(visitPromiseRate, forKey: .visitPromiseRate)
        try container.encode(visitsPerClosedCase, forKey: .visitsPerClosedCase)
        try container.encode(satisfaction, forKey: .satisfaction)
        try container.encode(channels, forKey: .channels)
    }

    /// Counts per level "1" … "5", zeros included.
    static func levels(_ ratings: [Int: Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: (1...5).map { ("\($0)", ratings[$0] ?? 0) })
    }

    /// Every channel with its counts per level: the known ones always, any other that rated.
    static func byChannel(_ ratings: [String: [Int: Int]]) -> [String: [String: Int]] {
        var channels = Dictionary(uniqueKeysWithValues: EvaluationChannel.allCases.map { ($0.rawValue, [Int: Int]()) })
        channels.merge(ratings) { $1 }
        return channels.mapValues(levels)
    }

    /// `part / whole` to four decimals; nil when there is no whole.
    static func share(_ part: Int, of whole: Int) -> Double? {
        whole == 0 ? nil : (Double(part) / Double(whole) * 10_000).rounded() / 10_000
    }
}
