/// What happened on one hall day for one service: the counts and distributions the metrics
/// add up over a range of days. Times are whole seconds, so the distributions are exact.
public struct DayStats: Sendable, Equatable {
    public var ticketsIssued = 0
    public var visitsServed = 0
    public var noShows = 0
    public var expired = 0
    /// The wait: issue to first call, of every ticket called (no-shows included), counted on
    /// the day of that first call under the service it was called for: seconds → how many.
    public var waits: [Int: Int] = [:]
    /// Last call to completion, for served visits.
    public var services: [Int: Int] = [:]
    public var casesOpened = 0
    public var casesClosed = 0
    public var casesCancelled = 0
    /// Cases whose first visit ended at a window on this day (this day's cohort), and those of
    /// them that this first visit closed (completed, accepted, rejected).
    public var firstVisits = 0
    public var firstVisitResolved = 0
    /// Materials named missing at those first visits: material id → first visits missing it.
    /// 常见缺件提醒 divides it by `firstVisits`.
    public var firstVisitMissed: [String: Int] = [:]
    /// Calendar days from opening to closing of the cases closed at their first visit on this day.
    public var firstVisitDaysToClose: [Int: Int] = [:]
    /// What happened on this day to cases whose first visit had not closed them, by the hall
    /// day of that first visit: a day's own figures never change after the day, so a later
    /// close is told here and added to its cohort when a range is summed.
    public var cohortChanges: [String: CohortChange] = [:]
    /// Of the cases closed: with exactly one visit, within the visits promised, and all their visits.
    public var oneVisitCases = 0
    public var withinPromiseCases = 0
    public var closedCaseVisits = 0
    /// Materials named missing (needs_more): material id → times.
    public var missed: [String: Int] = [:]
    /// Ratings given, per level 1…5.
    public var ratings: [Int: Int] = [:]
    /// The same ratings by the channel they came through (`EvaluationChannel`: pad, phone,
    /// kiosk; `unknown` for one stored without), per level: which channel the hall hears from.
    public var channelRatings: [String: [Int: Int]] = [:]

    public init() {}

    /// Adds `other`, with its cohort changes of the cohorts from `cohortsFrom` to `to` only
    /// (all of them by default).
    public mutating func add(_ other: DayStats, cohortsFrom: String = "", to: String = "\u{10FFFF}") {
        ticketsIssued += other.ticketsIssued
        visitsServed += other.visitsServed
        noShows += other.noShows
        expired += other.expired
        waits.merge(other.waits, uniquingKeysWith: +)
        services.merge(other.services, uniquingKeysWith: +)
        casesOpened += other.casesOpened
        casesClosed += other.casesClosed
        casesCancelled += other.casesCancelled
        oneVisitCases += other.oneVisitCases
        withinPromiseCases += other.withinPromiseCases
        closedCaseVisits += other.closedCaseVisits
        missed.merge(other.missed, uniquingKeysWith: +)
        ratings.merge(other.ratings, uniquingKeysWith: +)
        for (channel, levels) in other.channelRatings {
            channelRatings[channel, default: [:]].merge(levels, uniquingKeysWith: +)
        }
        firstVisits += other.firstVisits
        firstVisitResolved += other.firstVisitResolved
        firstVisitDaysToClose.merge(other.firstVisitDaysToClose, uniquingKeysWith: +)
        firstVisitMissed.merge(other.firstVisitMissed, uniquingKeysWith: +)
        addCohortChanges(other, from: cohortsFrom, to: to)
    }

    /// Adds `other`'s cohort changes of the cohorts (hall days) from `from` to `to`.
    public mutating func addCohortChanges(_ other: DayStats, from: String, to: String) {
        for (day, change) in other.cohortChanges where day >= from && day <= to {
            cohortChanges[day, default: CohortChange()].add(change)
        }
    }
}

/// Summary figures of a distribution of whole seconds.
public struct Distribution: Sendable, Equatable, Encodable {
    /// How many values: for the wait, the tickets called.
    public var count = 0
    public var mean: Double?
    public var median: Int?
    public var p90: Int?

    /// Nearest-rank quantiles: the median is the value at rank ⌈n/2⌉, p90 at rank ⌈0.9·n⌉, of
    /// the n values in order. The mean is rounded to a tenth of a second. All nil without values.
    public init(_ histogram: [Int: Int]) {
        count = histogram.values.reduce(0, +)
        guard count > 0 else { return }
        let total = histogram.reduce(0) { $0 + $1.key * $1.value }
        mean = (Double(total) / Double(count) * 10).rounded() / 10
        let ordered = histogram.sorted { $0.key < $1.key }
        func rank(_ wanted: Int) -> Int {
            var seen = 0
            for (value, times) in ordered {
                seen += times
                if seen >= wanted { return value }
            }
            return ordered.last!.key
        }
        median = rank((count + 1) / 2)
        p90 = rank(Int((Double(count) * 0.9).rounded(.up)))
    }

    enum Keys: String, CodingKey { case count, mean, median, p90 }

    /// Nil figures are null, not left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(count, forKey: .count)
        try container.encode(mean, forKey: .mean)
        try container.encode(median, forKey: .median)
        try container.encode(p90, forKey: .p90)
    }
}
