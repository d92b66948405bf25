import Foundation
import GRDB
import OneWindowCore

/// What the hall manager's page and reports read besides the metrics.
extension Storage {
    /// Opens an existing database only to read it, as `onewindowd report` does while the daemon
    /// runs: WAL mode lets it read a consistent snapshot without blocking the daemon's writes.
    /// Refuses a database whose migrations are not all applied (the daemon has not opened it
    /// since an upgrade), instead of migrating it.
    public static func openReadOnly(path: String) throws -> Storage {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DatabaseError(resultCode: .SQLITE_CANTOPEN, message: "no database file at \(path)")
        }
        var configuration = Self.configuration()
        configuration.readonly = true
        return try Storage(writer: DatabasePool(path: path, configuration: configuration))
    }

    /// The queue events of one hall day that change who waits, oldest first. The event log has
    /// no index on the day: this scans the events after the metrics' last rollup (a day not
    /// rolled up yet is after it), once at start-up, off the request path.
    public func waitingEvents(hallDay: String) throws -> [StoredEvent] {
        try writer.read { db in
            try Self.queueEvents(
                db,
                where: """
                    id > (SELECT last_event_id FROM metrics_rollup) AND hall_day = ? AND kind IN ('issued', 'called', 'transferred', 'completed', 'no_show', 'expired')
                    ORDER BY id
                    """,
                arguments: [hallDay])
        }
    }

    /// Bad reviews (rating ≤ 2) not yet rectified, oldest deadline first.
    public func openBadReviews(limit: Int = 500) throws -> [Evaluation] {
        try writer.read { db in
            try Evaluation.filter(sql: "rating <= 2 AND rectified_at IS NULL").order(sql: "rectify_by, id")
                .limit(limit).fetchAll(db)
        }
    }
}
