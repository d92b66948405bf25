import Foundation
import GRDB
import OneWindowCore

/// What start-up reads instead of the whole event log (see `MetricsRollup`, `MetricsMonths`).
public struct MetricsRollups: Sendable {
    /// The stored days' figures from `heldFrom` on, per hall day and service.
    public var days: [String: [String: StoredDay]]
    /// Per month that is over from January of the year before the latest stored day's
    /// (`MetricsBook.monthsHeldFrom`), per service, its year to date (`MetricsBook.yearToDate`).
    public var months: [String: [String: StoredDay]]
    /// Every month that is over, per service: its open cases (`MetricsBook.monthOpenCases`).
    public var monthOpenCases: [String: [String: Int]]
    /// The first stored day read: the first of the third month before the latest stored day's
    /// (`MetricsBook.heldFrom(latest:)`); older days are read when a range needs them.
    public var heldFrom: String
    public var cohorts: [MetricsBook.OpenCohort]
    public var openTickets: [MetricsBook.OpenTicket]
    /// The last event folded into `days`: the book goes on from the event after it.
    public var lastEventId: Int64
}

extension Storage {
    /// The stored rollups a book holds, read in one snapshot: the months' sums and the days of
    /// the last three months or so, however old the hall.
    public func metricsRollups() throws -> MetricsRollups {
        try writer.read { db in
            let latest = try String.fetchOne(db, sql: "SELECT MAX(hall_day) FROM metrics_day WHERE service_id <> ''")
            let heldFrom = MetricsBook.heldFrom(latest: latest ?? "")
            return MetricsRollups(
                days: try Self.dayRollups(db, from: heldFrom, to: "9999-12-31"),
                months: try MetricsMonths.sums(db, from: MetricsBook.monthsHeldFrom(latest: latest ?? "")),
                monthOpenCases: try MetricsMonths.openCases(db), heldFrom: heldFrom,
                cohorts: try MetricsRollup.cohorts(db),
                openTickets: try MetricsRollup.openTickets(db),
                lastEventId: try Int64.fetchOne(db, sql: "SELECT last_event_id FROM metrics_rollup") ?? 0)
        }
    }

    /// The stored days of `spans` (`MetricsBook.missingDays`), per hall day and service, and
    /// the sums of `months` (`MetricsBook.missingMonths`), read in one snapshot: what a range
    /// of an older month needs that the book does not hold.
    public func metricsDays(_ spans: [MetricsBook.DaySpan], months: [String] = []) throws
        -> (days: [String: [String: StoredDay]], months: [String: [String: StoredDay]])
    {
        guard !spans.isEmpty || !months.isEmpty else { return ([:], [:]) }
        return try writer.read { db in
            var days: [String: [String: StoredDay]] = [:]
            for span in spans {
                days.merge(try Self.dayRollups(db, from: span.first, to: span.last)) { old, _ in old }
            }
            var sums: [String: [String: StoredDay]] = [:]
            for month in months { sums.merge(try MetricsMonths.sums(db, from: month, to: month)) { old, _ in old } }
            return (days, sums)
        }
    }

    /// The services' rows of the stored days from `from` to `to`.
    static func dayRollups(_ db: Database, from: String, to: String) throws -> [String: [String: StoredDay]] {
        var days: [String: [String: StoredDay]] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql:
                "SELECT hall_day, service_id, stats FROM metrics_day WHERE hall_day BETWEEN ? AND ? AND service_id <> ''",
            arguments: [from, to])
        while let row = try rows.next() {
            let data: Data = row[2]
            days[row[0], default: [:]][row[1]] = try StoredDay(rollup: [UInt8](data))
        }
        return days
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
