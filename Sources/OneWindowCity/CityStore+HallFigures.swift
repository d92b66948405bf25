import Foundation
import OneWindowCore

extension CityStore {
    /// What one hall's report over a range (or several) needs, read from the running totals
    /// (migration 0003).
    public struct HallFigures: Sendable {
        /// One service's running totals through one day.
        struct End: Sendable {
            /// Its own figures, and the cases open at the end of the day (nil: none yet).
            var stats: StoredDay?
            var open: Int?
            /// The changes to its cohorts up to that day.
            var cohorts: StoredDay?
        }

        /// Per day a range ends on (its `to`, the day before its `from`), per service.
        var ends: [String: [String: End]] = [:]
        /// Per range read ("from…to"), the counts of the bad reviews made in it (`badReviews(from:to:)`).
        var badReviewCounts: [String: BadReviewCounts] = [:]
        /// The bad reviews of the first range past their deadline and not rectified, the longest
        /// overdue first, at most `overdueRows` (`figures`); their number is the counts' `overdue`.
        public var overdue: [OverdueReview] = []

        public init() {}

        /// Keeps one service's running totals through `day` as read (`figures`): its own
        /// figures and the cases open at the end of the day, and the changes to its cohorts up
        /// to that day (nil: none yet). Throws at the first byte of a rollup that does not fit.
        public mutating func keep(day: String, serviceId: String, stats: [UInt8]?, open: Int?, cohorts: [UInt8]?)
            throws(RollupReader.Malformed)
        {
            ends[day, default: [:]][serviceId] = End(
                stats: try stats.map { bytes throws(RollupReader.Malformed) in try StoredDay(rollup: bytes) },
                open: open,
                cohorts: try cohorts.map { bytes throws(RollupReader.Malformed) in try StoredDay(rollup: bytes) })
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
        /// total before `from`, and the changes to the range's cohorts (whenever they came)
        /// added into one, as the hall's `MetricsBook.sum` gives them.
        public func rangeSum(from: String, to: String) -> RollupRangeSum {
            let through = ends[to] ?? [:]
            let before = ends[CityStore.dayBefore(from)] ?? [:]
            var sum = RollupRangeSum(from: from, to: to)
            for (serviceId, end) in through {
                if let stats = end.stats { sum.add(stats, serviceId: serviceId, inRange: true) }
                if let stats = before[serviceId]?.stats { sum.subtract(stats, serviceId: serviceId) }
                guard let cohorts = end.cohorts else { continue }
                sum.addCohorts(cohorts, serviceId: serviceId)
                if let earlier = before[serviceId]?.cohorts {
                    sum.addCohorts(earlier, serviceId: serviceId, subtracting: true)
                }
            }
            return sum
        }

        /// `rangeSum(from:to:)` as `DayStats`; a service with nothing in the range is left out,
        /// as the hall leaves it out.
        public func sums(from: String, to: String) -> [String: DayStats] {
            rangeSum(from: from, to: to).totals
        }
    }
}
