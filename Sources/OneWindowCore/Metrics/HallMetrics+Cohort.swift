import Foundation

extension HallMetrics {
    /// The cases whose first visit ended at a window in the range, followed to the last event
    /// known: closed at that first visit, closed at a later one, still open, or cancelled.
    /// `oneVisitRate` = closedAtFirstVisit ÷ (opened − cancelled): a case that needs a second
    /// trip counts against the rate from the day of its first visit, open or not, so the rate
    /// cannot flatter the services where applicants must come back. `medianDaysToClose`: of the
    /// cohort's closed cases, the median of the calendar days from the hall day the case opened
    /// (its first ticket) to the hall day it closed; 0 when it closed on the day it opened.
    public struct Cohort: Sendable, Equatable, Encodable {
        public var opened: Int
        public var closedAtFirstVisit: Int
        public var closedLater: Int
        public var open: Int
        public var cancelled: Int
        public var oneVisitRate: Double?
        public var medianDaysToClose: Int?

        public init(_ stats: DayStats) {
            var later = CohortChange()
            for change in stats.cohortChanges.values { later.add(change) }
            opened = stats.firstVisits
            closedAtFirstVisit = stats.firstVisitResolved
            closedLater = later.closedLater
            cancelled = later.cancelled
            open = opened - closedAtFirstVisit - closedLater - cancelled
            oneVisitRate = HallMetrics.share(closedAtFirstVisit, of: opened - cancelled)
            medianDaysToClose =
                Distribution(stats.firstVisitDaysToClose.merging(later.daysToClose, uniquingKeysWith: +))
                .median
        }

        enum Keys: String, CodingKey {
            case opened, closedAtFirstVisit, closedLater, open, cancelled, oneVisitRate, medianDaysToClose
        }

        /// Every field is always there; a rate or median without data is null.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(opened, forKey: .opened)
            try container.encode(closedAtFirstVisit, forKey: .closedAtFirstVisit)
            try container.encode(closedLater, forKey: .closedLater)
            try container.encode(open, forKey: .open)
            try container.encode(cancelled, forKey: .cancelled)
            try container.encode(oneVisitRate, forKey: .oneVisitRate)
            try container.encode(medianDaysToClose, forKey: .medianDaysToClose)
        }
    }
}
