import Foundation
import OneWindowCore

extension CityStore {
    /// What one hall's report over a range (or several) needs, read from the running totals
    /// (migration 0003).
    public struct HallFigures: Sendable {
        /// One service's running totals through one day, as stored (`DayStats.rollup()`'s form):
        /// checked only as they are summed (`rangeSum`), so that each byte is read once (a year
        /// across 200 halls reads 30 MB of them, and reading them three times was most of its
        /// report).
        struct End: Sendable {
            /// Its own figures, and the cases open at the end of the day (nil: none yet).
            var stats: [UInt8]?
            var open: Int?
            /// The changes to its cohorts up to that day.
            var cohorts: [UInt8]?
        }

        /// Per day a range ends on (its `to`, the day before its `from`), per service.
        var ends: [String: [String: End]] = [:]
        /// Per range read ("from…to"), the counts of the bad reviews made in it (`badReviews(from:to:)`).
        var badReviewCounts: [String: BadReviewCounts] = [:]
        /// The bad reviews of the first range past their deadline and not rectified, the longest
        /// overdue first, at most `overdueRows` (`figures`); their number is the counts' `overdue`.
        public var overdue: [OverdueReview] = []

        public init() {}

        /// Keeps one service's running totals through `day` as read (`figures`): its own figures
        /// and the cases open at the end of the day, and the changes to its cohorts up to that
        /// day (nil: none yet). The bytes are checked when they are summed.
        public mutating func keep(day: String, serviceId: String, stats: [UInt8]?, open: Int?, cohorts: [UInt8]?) {
            ends[day, default: [:]][serviceId] = End(stats: stats, open: open, cohorts: cohorts)
        }

        /// Per service, the counts of the bad reviews made in one of the ranges read.
        public func badReviews(from: String, to: String) -> BadReviewCounts {
            badReviewCounts["\(from)…\(to)"] ?? BadReviewCounts()
        }

        /// Per service, the cases open at the end of `day` (one of the ranges' ends).
        public func open(through day: String) -> [String: Int] {
            (ends[day] ?? [:]).compactMapValues(\.open)
        }

        /// The sums of one of the ranges read, per service: the total through `to` minus the
        /// total before `from`, read side by side (`RollupRangeSum.add(through:before:…)`), and
        /// the changes to the range's cohorts (whenever they came) added into one, as the hall's
        /// `MetricsBook.sum` gives them. Throws for a running total that does not read.
        public func rangeSum(from: String, to: String) throws(MalformedTotals) -> RollupRangeSum {
            let through = ends[to] ?? [:]
            let dayBefore = CityStore.dayBefore(from)
            let before = ends[dayBefore] ?? [:]
            var sum = RollupRangeSum(from: from, to: to)
            for (serviceId, end) in through {
                let earlier = before[serviceId]
                do {
                    try sum.add(through: end.stats, before: earlier?.stats, serviceId: serviceId)
                    guard let cohorts = end.cohorts else { continue }
                    try sum.addCohorts(rollup: cohorts, serviceId: serviceId)
                    if let earlier = earlier?.cohorts {
                        try sum.addCohorts(rollup: earlier, serviceId: serviceId, subtracting: true)
                    }
                } catch {
                    throw MalformedTotals(serviceId: serviceId, days: [dayBefore, to], offset: error.offset)
                }
            }
            sum.settle()
            return sum
        }

        /// `rangeSum(from:to:)` as `DayStats`; a service with nothing in the range is left out,
        /// as the hall leaves it out.
        public func sums(from: String, to: String) throws(MalformedTotals) -> [String: DayStats] {
            try rangeSum(from: from, to: to).totals
        }
    }

    /// Running totals that do not read as rollups (`DayStats.rollup()`): a stored row is
    /// broken. Named, so that the log says which rows; the request answers 503.
    public struct MalformedTotals: Error, CustomStringConvertible {
        public var hallId = ""
        public var serviceId: String
        /// The days of the two totals read (the day before the range, its last day).
        public var days: [String]
        /// Where the first byte that did not fit was, in one of them.
        public var offset: Int

        public var description: String {
            "running totals of hall \(hallId), service \(serviceId), through \(days.joined(separator: " and ")) "
                + "do not read as rollups (byte \(offset))"
        }

        /// `body`, a read of hall `hallId`'s figures, with the hall named in what it throws.
        static func naming<T>(_ hallId: String, _ body: () throws(MalformedTotals) -> T) throws(MalformedTotals) -> T {
            do {
                return try body()
            } catch {
                var named = error
                named.hallId = hallId
                throw named
            }
        }
    }
}
