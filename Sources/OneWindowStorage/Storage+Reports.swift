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

    /// The event log after `afterId`, oldest first, at most `limit`: what `queueEvents(after:limit:)`
    /// gives, decoded by column position. Reading a whole log this way is several times faster:
    /// the Codable record decoding folds every column name to snake case on every row.
    public func eventLog(after afterId: Int64, limit: Int) throws -> [StoredEvent] {
        try writer.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, kind, ticket_id, window, service_id, case_id, hall_day, actor, at, detail
                    FROM queue_event WHERE id > ? ORDER BY id LIMIT ?
                    """,
                arguments: [afterId, limit])
            var events: [StoredEvent] = []
            while let row = try rows.next() {
                let name: String = row[1]
                guard let kind = QueueEvent.Kind(rawValue: name) else {
                    throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "unknown event kind “\(name)”")
                }
                let event = QueueEvent(
                    kind: kind, ticketId: row[2], window: row[3], serviceId: row[4], caseId: row[5], hallDay: row[6],
                    actor: row[7], at: row[8], detail: row[9])
                events.append(StoredEvent(id: row[0], event: event))
            }
            return events
        }
    }

    /// The queue events of one hall day that change who waits, oldest first. The event log has
    /// no index on the day: this scans it, so it runs once at start-up, off the request path.
    public func waitingEvents(hallDay: String) throws -> [StoredEvent] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM queue_event WHERE hall_day = ?
                    AND kind IN ('issued', 'called', 'transferred', 'completed', 'no_show', 'expired') ORDER BY id
                    """,
                arguments: [hallDay])
            return try rows.map { StoredEvent(id: $0["id"], event: try QueueEvent(row: $0)) }
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
