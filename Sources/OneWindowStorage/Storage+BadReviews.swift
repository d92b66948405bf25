import Foundation
import GRDB
import OneWindowCore

/// What the metrics read of the stored bad reviews (`evaluation` rows with rating ≤ 2).
extension Storage {
    /// The bad reviews not rectified yet, by evaluation id: all the book keeps of them, read at
    /// each start (a year's hall has about 6,000 of 38,000). Named: SQLite would otherwise scan
    /// every bad review in 0020's `evaluation_bad_by_day`, where 0014's partial index
    /// `evaluation_bad_open` holds only the open ones.
    public func openBadReviewsForMetrics() throws -> [String: MetricsBook.BadReview] {
        try writer.read { db in
            var reviews: [String: MetricsBook.BadReview] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, service_id, hall_day, rectify_by FROM evaluation INDEXED BY evaluation_bad_open
                    WHERE rating <= 2 AND rectified_at IS NULL
                    """)
            while let row = try rows.next() {
                reviews[row[0]] = MetricsBook.BadReview(serviceId: row[1], hallDay: row[2], due: row[3])
            }
            return reviews
        }
    }

    /// Per hall day from `since` on, the bad reviews made that day counted per service as they
    /// stand on `today` (`BadReviewCounts.count`): the disclosure's, which needs the rectified
    /// ones too. A review was rectified in time if before the end of its deadline's hall day:
    /// `dayEnd` gives that instant (`HallCalendar.end(ofDay:)`), asked once per deadline, not
    /// once per review. Read by column, a row at a time: counts are all that is kept.
    public func badReviewCountsByDay(since: String, today: String, dayEnd: (String) -> Date?) throws
        -> [String: BadReviewCounts]
    {
        try writer.read { db in
            var days: [String: BadReviewCounts] = [:]
            var ends: [String: Date?] = [:]
            func end(of due: String) -> Date? {
                if let known = ends[due] { return known }
                let end = dayEnd(due)
                ends.updateValue(end, forKey: due)
                return end
            }
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT service_id, hall_day, rectify_by, rectified_at FROM evaluation
                    WHERE rating <= 2 AND hall_day >= ?
                    """, arguments: [since])
            while let row = try rows.next() {
                let due: String? = row[2]
                // As text: GRDB's `Date` decoding goes through a Foundation calendar and ICU.
                let rectifiedAt = (row[3] as String?).map { Timestamp.date(sqlite: $0) ?? row[3] }
                // In time: before the end of the deadline's hall day (always, without a deadline).
                let inTime = rectifiedAt.map { at in due.map { end(of: $0).map { at < $0 } ?? false } ?? true }
                let count = BadReviewCounts.count(due: due, rectifiedInTime: inTime, today: today)
                days[row[1], default: BadReviewCounts()].add(count, serviceId: row[0])
            }
            return days
        }
    }
}
