import Foundation
import GRDB
import OneWindowCore

/// The commit thread's handle on one group transaction.
///
/// Each command of the group writes inside its own savepoint (`job`), so a command whose write
/// fails is undone alone and the rest of the group commits. Reads see the transaction's own
/// writes: after a failed job the queue is rebuilt from exactly what the group will commit.
///
/// Rows are written by hand-written cached statements: this runs for every ticket, and record
/// encoding (Codable, snake-case keys) and ICU date formatting cost more than the SQL itself.
/// Dates are written in GRDB's own text form, so records read them back as usual.
public struct QueueTransaction {
    let db: Database

    /// Runs `body` in a savepoint. If it throws, everything it wrote is undone and the error
    /// rethrown; the transaction goes on unless SQLite ended it (check `isOpen`). The savepoint
    /// statements are prepared once (this runs for every ticket).
    public func job<T>(_ body: () throws -> T) throws -> T {
        try db.cachedStatement(sql: "SAVEPOINT job").execute()
        let result: T
        do {
            result = try body()
        } catch {
            if db.isInsideTransaction {
                try? db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT job").execute()
                try? db.cachedStatement(sql: "RELEASE SAVEPOINT job").execute()
            }
            throw error
        }
        try db.cachedStatement(sql: "RELEASE SAVEPOINT job").execute()
        return result
    }

    /// False once SQLite rolled the whole transaction back (it may, on a full disk or an I/O
    /// error); the group then cannot commit.
    public var isOpen: Bool { db.isInsideTransaction }

    /// Writes the rows and events of queue commands; returns the events with their row ids.
    @discardableResult
    public func write(_ changes: QueueChanges) throws -> [StoredEvent] {
        guard !changes.isEmpty else { return [] }
        let upsertTicket = try db.cachedStatement(sql: Self.upsertTicketSQL)
        for ticket in changes.tickets.values {
            try upsertTicket.execute(arguments: [
                ticket.id, ticket.hallDay, ticket.prefix, ticket.sequence, ticket.serviceId, ticket.priority,
                ticket.status.rawValue, ticket.window, ticket.callCount, Timestamp.sqlite(ticket.issuedAt),
                ticket.calledAt.map(Timestamp.sqlite), ticket.endedAt.map(Timestamp.sqlite), ticket.outcome,
                ticket.caseId, Self.jsonArray(ticket.missingMaterials), ticket.note,
                ticket.firstCalledAt.map(Timestamp.sqlite), ticket.evaluationCodeHash, ticket.channel.rawValue,
            ])
        }
        if !changes.evaluationCodes.isEmpty {
            let update = try db.cachedStatement(sql: "UPDATE ticket SET evaluation_code_hash = ? WHERE id = ?")
            for (id, hash) in changes.evaluationCodes { try update.execute(arguments: [hash, id]) }
        }
        try writeCases(changes.cases.values)
        for booking in changes.bookings.values {
            try upsert(booking, phoneSealed: changes.sealedPhones[booking.code])
        }
        for remote in changes.remoteTickets.values {
            try upsert(remote, phoneSealed: changes.remotePhones[remote.ticketId])
        }
        try writeEvaluations(changes.evaluations.values)
        let upsertWindow = try db.cachedStatement(
            sql: """
                INSERT INTO window_state (id, paused, current_ticket_id) VALUES (?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET paused = excluded.paused, current_ticket_id = excluded.current_ticket_id
                """)
        for window in changes.windows.values {
            try upsertWindow.execute(arguments: [window.id, window.paused, window.currentTicketId])
        }
        let insertEvent = try db.cachedStatement(
            sql: """
                INSERT INTO queue_event (kind, ticket_id, window, service_id, case_id, hall_day, actor, at, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        return try changes.events.map { event in
            try insertEvent.execute(arguments: [
                event.kind.rawValue, event.ticketId, event.window, event.serviceId, event.caseId, event.hallDay,
                event.actor, Timestamp.sqlite(event.at), event.detail,
            ])
            return StoredEvent(id: db.lastInsertedRowID, event: event)
        }
    }

    private static let upsertTicketSQL = """
        INSERT INTO ticket (id, hall_day, prefix, sequence, service_id, priority, status, window, call_count,
            issued_at, called_at, ended_at, outcome, case_id, missing_materials, note, first_called_at,
            evaluation_code_hash, channel)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET service_id = excluded.service_id, status = excluded.status,
            window = excluded.window, call_count = excluded.call_count, called_at = excluded.called_at,
            ended_at = excluded.ended_at, outcome = excluded.outcome, missing_materials = excluded.missing_materials,
            note = excluded.note, first_called_at = excluded.first_called_at,
            evaluation_code_hash = excluded.evaluation_code_hash
        """

    /// `["m1","m2"]`: material ids are plain tokens, so no escaping is needed beyond quotes.
    static func jsonArray(_ values: [String]) -> String {
        guard !values.isEmpty else { return "[]" }
        let encoded = try? JSONEncoder().encode(values)
        return encoded.map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    /// The queue as this transaction sees it.
    public func loadQueue(day: String) throws -> StoredQueue {
        try Self.loadQueue(db, day: day)
    }

    static func loadQueue(_ db: Database, day: String) throws -> StoredQueue {
        let tickets = try Ticket.filter(sql: "hall_day = ? OR status IN ('waiting', 'called')", arguments: [day])
            .fetchAll(db)
        // Only the cases of these tickets: an older open case is read when a command names it
        // (`QueueService.find`), not at every start (a year's hall had 71,661).
        let cases = try Self.cases(
            db, where: "id IN (SELECT case_id FROM ticket WHERE hall_day = ? OR status IN ('waiting', 'called'))",
            [day])
        let evaluations = try Evaluation.filter(sql: "hall_day = ?", arguments: [day]).fetchAll(db)
        let since = WorkingDays.date(day).map {
            WorkingDays.text($0 - Double(StoredQueue.bookingHistoryDays) * 86_400)
        }
        return StoredQueue(
            tickets: tickets, windows: try WindowState.fetchAll(db), cases: cases,
            evaluations: evaluations, bookings: try Storage.bookings(db, fromDay: since ?? day),
            remoteTickets: try remoteTickets(db, day: day))
    }

    /// One ticket by id, whatever its day.
    public func ticket(id: String) throws -> Ticket? {
        try Ticket.fetchOne(db, key: id)
    }

    /// Writes the health probe's row: proof that a write still commits. First it checks that
    /// the database can still grow (64 KiB allocated and given back), since an update in place
    /// succeeds on a full disk while every new ticket fails.
    public func probe(at date: Date) throws {
        try db.inSavepoint {
            try db.execute(
                sql: "INSERT INTO health_probe (id, at, space) VALUES (2, ?, zeroblob(65536))",
                arguments: [Timestamp.sqlite(date)])
            return .rollback
        }
        try db.execute(
            sql: "INSERT INTO health_probe (id, at) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET at = excluded.at",
            arguments: [Timestamp.sqlite(date)])
    }
}
