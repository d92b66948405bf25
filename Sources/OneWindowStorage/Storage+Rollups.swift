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
