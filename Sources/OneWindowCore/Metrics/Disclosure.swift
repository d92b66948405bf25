/// 政务公开: what the hall publishes of its results, monthly and for the year to date, per
/// service and for the hall, from the one metrics fold. Counts and rates only: nothing in it
/// names or points to a person. A service (or the hall) with fewer than `minimumCases` first
/// visits in a period shows 样本不足 (`insufficientSample`, rates null) instead of rates, and one
/// with fewer than `minimumWaits` tickets called shows 样本不足 instead of a median wait.
public struct Disclosure: Sendable, Equatable, Encodable {
    public static let minimumCases = 10
    /// A median of fewer waits moves by minutes with one applicant's wait: a quiet service's
    /// 3 tickets would publish one person's wait as the hall's.
    public static let minimumWaits = 10

    /// The figures of one period for the hall or one service.
    public struct Figures: Sendable, Equatable, Encodable {
        public var tickets: Int
        /// Cases whose first visit ended in the period: the rates' sample.
        public var cases: Int
        public var insufficientSample: Bool
        public var firstVisitResolutionRate: Double?
        public var oneVisitRate: Double?
        /// Null when fewer than `minimumWaits` tickets were called (`waitCount`).
        public var medianWaitSeconds: Int?
        /// Tickets called in the period: the waits the median is of.
        public var waitCount: Int
        /// 好差评 per level, "1" … "5" (非常不满意 … 非常满意).
        public var ratings: [String: Int]
        /// Bad reviews (rating ≤ 2) made in the period whose deadline has passed or that were rectified.
        public var badReviewsDue: Int
        /// Of them, rectified within 15 working days (by the deadline) ÷ `badReviewsDue`.
        public var badRectifiedInTimeShare: Double?

        init(_ stats: DayStats, bad: BadReviewCounts.Count) {
            tickets = stats.ticketsIssued
            cases = stats.firstVisits
            insufficientSample = cases < Disclosure.minimumCases
            let cohort = HallMetrics.Cohort(stats)
            firstVisitResolutionRate =
                insufficientSample ? nil : HallMetrics.share(stats.firstVisitResolved, of: stats.firstVisits)
            oneVisitRate = insufficientSample ? nil : cohort.oneVisitRate
            let waits = Distribution(stats.waits)
            waitCount = waits.count
            medianWaitSeconds = waits.count < Disclosure.minimumWaits ? nil : waits.median
            ratings = Dictionary(uniqueKeysWithValues: (1...5).map { ("\($0)", stats.ratings[$0] ?? 0) })
            badReviewsDue = bad.overdue + bad.rectified
            badRectifiedInTimeShare =
                insufficientSample ? nil : HallMetrics.share(bad.rectifiedInTime, of: badReviewsDue)
        }

        enum Keys: String, CodingKey {
            case tickets, cases, insufficientSample, firstVisitResolutionRate, oneVisitRate, medianWaitSeconds
            case waitCount, ratings, badReviewsDue, badRectifiedInTimeShare
        }

        /// A rate without data, or hidden for a small sample, is null, not left out.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(tickets, forKey: .tickets)
            try container.encode(cases, forKey: .cases)
            try container.encode(insufficientSample, forKey: .insufficientSample)
            try container.encode(firstVisitResolutionRate, forKey: .firstVisitResolutionRate)
            try container.encode(oneVisitRate, forKey: .oneVisitRate)
            try container.encode(medianWaitSeconds, forKey: .medianWaitSeconds)
            try container.encode(waitCount, forKey: .waitCount)
            try container.encode(ratings, forKey: .ratings)
            try container.encode(badReviewsDue, forKey: .badReviewsDue)
            try container.encode(badRectifiedInTimeShare, forKey: .badRectifiedInTimeShare)
        }
    }

    public struct ServiceFigures: Sendable, Equatable, Encodable {
        public var serviceId: String
        public var serviceName: String
        public var figures: Figures
    }

    /// A calendar month (`2026-11`) or the year to date (`2026`), from its first day to its last
    /// (or today).
    public struct Period: Sendable, Equatable, Encodable {
        public var period: String
        public var from: String
        public var to: String
        public var hall: Figures
        public var services: [ServiceFigures]
    }

    /// 证明事项清单: a material issued by another department that an applicant brings.
    public struct Certificate: Sendable, Equatable, Encodable {
        public var serviceId: String
        public var serviceName: String
        public var material: String
        public var issuer: String
        public var legalBasis: [String]
    }

    public var hallName: String
    public var today: String
    public var minimumCases: Int
    public var minimumWaits: Int
    public var yearToDate: Period
    /// The months of this year up to this one, the latest first.
    public var months: [Period]
    public var certificates: [Certificate]
}
