import Foundation
import GRDB
import OneWindowCore

/// What start-up reads instead of the whole event log (see `MetricsRollup`).
public struct MetricsRollups: Sendable {
    /// The stored days' figures, per hall day and service.
    public var days: [String: [String: StoredDay]]
    public var cohorts: [MetricsBook.OpenCohort]
    public var openTickets: [MetricsBook.OpenTicket]
    /// The last event folded into `days`: the book goes on from the event after it.
    public var lastEventId: Int64
}

extension Storage {
    /// The stored rollups, read in one snapshot.
    public func metricsRollups() throws -> MetricsRollups {
        try writer.read { db in
            var days: [String: [String: StoredDay]] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT hall_day, service_id, stats FROM metrics_day WHERE service_id <> ''")
            while let row = try rows.next() {
                let data: Data = row[2]
                days[row[0], default: [:]][row[1]] = try StoredDay(rollup: [UInt8](data))
            }
            return MetricsRollups(
                days: days, cohorts: try MetricsRollup.cohorts(db), openTickets: try MetricsRollup.openTickets(db),
                lastEventId: try Int64.fetchOne(db, sql: "SELECT last_event_id FROM metrics_rollup") ?? 0)
        }
    }

    /// The bad reviews the metrics keep (by evaluation id), rectified or not, as a full replay
    /// of the log keeps them: the disclosure's share rectified in time needs the rectified
    /// ones too. `dayOf` gives the hall day of a rectification. Read by column, since a hall
    /// may have thousands.
    public func badReviewsForMetrics(dayOf: (Date) -> String) throws
        -> [String: MetricsBook.BadReview]
    {
        try writer.read { db in
            var reviews: [String: MetricsBook.BadReview] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, service_id, hall_day, rectify_by, rectified_at FROM evaluation WHERE rating <= 2
                    """)
            while let row = try rows.next() {
                // As text: GRDB's `Date` decoding goes through a Foundation calendar and ICU.
                let rectifiedAt = (row[4] as String?).map { Timestamp.date(sqlite: $0) ?? row[4] }
                reviews[row[0]] = MetricsBook.BadReview(
                    serviceId: row[1], hallDay: row[2], due: row[3], rectified: rectifiedAt != nil,
                    rectifiedOn: rectifiedAt.map(dayOf))
            }
            return reviews
        }
    }

    /// The hall's own row of a stored day (the sum of its services), nil if the day is not stored.
    public func hallRollup(day: String) throws -> DayStats? {
        try writer.read { db in
            try Data.fetchOne(
                db, sql: "SELECT stats FROM metrics_day WHERE hall_day = ? AND service_id = ''", arguments: [day]
            ).map { try DayStats(rollup: [UInt8]($0)) }
        }
    }
}

extension QueueTransaction {
    /// Stores the figures of the days before `day` not stored yet: called when the queue rolls
    /// over to `day`, after the old day's expirations are written, in the same transaction.
    /// `progress` hears a line every 30 days and one at the end, when there was anything to store.
    public func rollUpMetrics(before day: String, progress: (@Sendable (String) -> Void)? = nil) throws {
        try MetricsRollup.rollUp(db, before: day, progress: progress)
    }
}
