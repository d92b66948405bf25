/// The bad reviews the book keeps: only those not rectified yet (the issue's "live state, and
/// few"), compactly. Reports count them (`BadReviewCounts`); the disclosure's rectified ones
/// are counted from the stored evaluations (`Storage.badReviewCountsByDay`).
extension MetricsBook {
    /// A bad review (rating ≤ 2) as the book keeps it: the service, and as day numbers the hall
    /// day it was made on and its deadline. A year's hall left 6,257 open; with every review
    /// ever made, rectified or not, and their days as text, the book held 37,617 (5.5 MiB).
    public struct BadReview: Sendable, Equatable {
        public var serviceId: String
        /// Days since 1970-01-01 (`DayNumber`).
        let day: Int32
        let dueDay: Int32?
        /// The hall day it was rectified on, in a book that keeps rectified reviews (the city's).
        var rectifiedDay: Int32?

        /// Nil when `hallDay` is not a date (yyyy-MM-dd): no event the hall writes has one. A
        /// deadline that is not a date counts as none (never overdue).
        public init?(serviceId: String, hallDay: String, due: String?, rectifiedOn: String? = nil) {
            guard let day = DayNumber.of(hallDay) else { return nil }
            self.serviceId = serviceId
            self.day = Int32(day)
            dueDay = due.flatMap(DayNumber.of).map(Int32.init)
            rectifiedDay = rectifiedOn.flatMap(DayNumber.of).map(Int32.init)
        }

        public var hallDay: String { DayNumber.text(Int(day)) }
        public var due: String? { dueDay.map { DayNumber.text(Int($0)) } }
        public var rectifiedOn: String? { rectifiedDay.map { DayNumber.text(Int($0)) } }
        public var rectified: Bool { rectifiedDay != nil }

        /// Its count as it stands on day number `today` (`BadReviewCounts.count`).
        func count(today: Int32) -> BadReviewCounts.Count {
            BadReviewCounts.count(due: dueDay, rectifiedOn: rectifiedDay, today: today)
        }
    }

    /// A `rectified` event for evaluation `id` on hall day `day`: the review is no longer open.
    mutating func rectified(_ id: String, on day: String) {
        if keepsRectifiedReviews {
            badReviews[id]?.rectifiedDay = DayNumber.of(day).map(Int32.init)
        } else {
            badReviews.removeValue(forKey: id)
        }
    }

    /// The bad reviews the book keeps that were made from `from` to `to` (hall days, inclusive),
    /// counted per service as they stand on `today`: one pass, nothing copied. The hall's book
    /// keeps only open ones, so its rectified counts are zero.
    public func badReviewCounts(from: String, to: String, today: String) -> BadReviewCounts {
        var counts = BadReviewCounts()
        guard let first = DayNumber.of(from), let last = DayNumber.of(to), let today = DayNumber.of(today) else {
            return counts
        }
        let range = Int32(first)...Int32(last)
        for review in badReviews.values where range.contains(review.day) {
            counts.add(review.count(today: Int32(today)), serviceId: review.serviceId)
        }
        return counts
    }
}
