import Foundation
import GRDB
import OneWindowCore

// Read as records; written by the hand-written statements in `write(_:)` below.

extension Ticket: FetchableRecord, TableRecord {
    public static let databaseTableName = "ticket"

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
}

extension WindowState: FetchableRecord, TableRecord {
    public static let databaseTableName = "window_state"

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
}

extension QueueEvent: FetchableRecord, TableRecord {
    public static let databaseTableName = "queue_event"

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
}

/// What the queue needs at start-up to continue where it stopped.
public struct StoredQueue: Sendable {
    /// Tickets of `day` and every still-open ticket of earlier days (which then expire).
    public var tickets: [Ticket]
    public var windows: [WindowState]
}

extension Storage {
    /// Writes the changes of one or more queue commands in a single transaction: the group
    /// commit. Returns only once SQLite has committed (synchronous=FULL), with the events'
    /// row ids, which are their ids in the event stream.
    @discardableResult
    public func write(_ changes: QueueChanges) throws -> [(id: Int64, event: QueueEvent)] {
        guard !changes.isEmpty else { return [] }
        // Hand-written cached statements: this runs for every ticket, and record encoding
        // (Codable, snake-case keys) and ICU date formatting cost more than the SQL itself.
        // Dates are written in GRDB's own text form, so records read them back as usual.
        return try pool.write { db in
            let upsertTicket = try db.cachedStatement(sql: Self.upsertTicketSQL)
            for ticket in changes.tickets.values {
                try upsertTicket.execute(arguments: [
                    ticket.id, ticket.hallDay, ticket.prefix, ticket.sequence, ticket.serviceId, ticket.priority,
                    ticket.status.rawValue, ticket.window, ticket.callCount, Timestamp.sqlite(ticket.issuedAt),
                    ticket.calledAt.map(Timestamp.sqlite), ticket.endedAt.map(Timestamp.sqlite), ticket.outcome,
                    ticket.idempotencyKey,
                ])
            }
            let upsertWindow = try db.cachedStatement(
                sql: """
                    INSERT INTO window_state (id, paused, current_ticket_id) VALUES (?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET paused = excluded.paused, current_ticket_id = excluded.current_ticket_id
                    """)
            for window in changes.windows.values {
                try upsertWindow.execute(arguments: [window.id, window.paused, window.currentTicketId])
            }
            let insertEvent = try db.cachedStatement(
                sql: "INSERT INTO queue_event (kind, ticket_id, window, actor, at, detail) VALUES (?, ?, ?, ?, ?, ?)")
            return try changes.events.map { event in
                try insertEvent.execute(arguments: [
                    event.kind.rawValue, event.ticketId, event.window, event.actor, Timestamp.sqlite(event.at),
                    event.detail,
                ])
                return (db.lastInsertedRowID, event)
            }
        }
    }

    private static let upsertTicketSQL = """
        INSERT INTO ticket (id, hall_day, prefix, sequence, service_id, priority, status, window, call_count,
            issued_at, called_at, ended_at, outcome, idempotency_key)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET service_id = excluded.service_id, status = excluded.status,
            window = excluded.window, call_count = excluded.call_count, called_at = excluded.called_at,
            ended_at = excluded.ended_at, outcome = excluded.outcome
        """

    public func loadQueue(day: String) throws -> StoredQueue {
        try pool.read { db in
            let tickets = try Ticket.filter(
                sql: "hall_day = ? OR status IN ('waiting', 'called')", arguments: [day]
            ).fetchAll(db)
            return StoredQueue(tickets: tickets, windows: try WindowState.fetchAll(db))
        }
    }

    /// The event log, oldest first, from the row after `afterId` up to `throughId`.
    public func queueEvents(after afterId: Int64 = 0, through throughId: Int64 = .max, limit: Int = 1000) throws
        -> [(id: Int64, event: QueueEvent)]
    {
        try pool.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM queue_event WHERE id > ? AND id <= ? ORDER BY id LIMIT ?",
                arguments: [afterId, throughId, limit])
            return try rows.map { (id: $0["id"], event: try QueueEvent(row: $0)) }
        }
    }

    /// The id of the newest event, 0 when there is none.
    public func lastQueueEventId() throws -> Int64 {
        try pool.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM queue_event") ?? 0 }
    }

    /// Every ticket of a hall day, for checks and reports.
    public func tickets(day: String) throws -> [Ticket] {
        try pool.read { db in
            try Ticket.filter(sql: "hall_day = ?", arguments: [day]).order(sql: "issued_at").fetchAll(db)
        }
    }
}
