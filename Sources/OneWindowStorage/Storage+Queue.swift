import Foundation
import GRDB
import OneWindowCore

// Read as records; written by the hand-written statements in `QueueTransaction`.

extension Ticket: FetchableRecord, TableRecord {
    public static let databaseTableName = "ticket"

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy { .sqliteText }
}

extension WindowState: FetchableRecord, TableRecord {
    public static let databaseTableName = "window_state"

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy { .sqliteText }
}

extension QueueEvent: FetchableRecord, TableRecord {
    public static let databaseTableName = "queue_event"

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy { .sqliteText }
}

/// A queue event as stored: its row id is its id in the board's event stream.
public struct StoredEvent: Sendable, Equatable {
    public let id: Int64
    public let event: QueueEvent

    public init(id: Int64, event: QueueEvent) {
        self.id = id
        self.event = event
    }
}

/// What the queue needs at start-up to continue where it stopped.
public struct StoredQueue: Sendable {
    /// Tickets of `day` and every still-open ticket of earlier days (which then expire).
    public var tickets: [Ticket]
    public var windows: [WindowState]
    /// The cases of these tickets (an older open case is read when a command names it).
    public var cases: [CaseRecord]
    /// The day's evaluations.
    public var evaluations: [Evaluation]
    /// Bookings of the last `bookingHistoryDays` days and after: the live ones and the misses
    /// that count towards a ban.
    public var bookings: [Booking] = []
    /// The day's remote tickets (线上取号): their phones' keys and check-ins.
    public var remoteTickets: [RemoteTicket] = []

    /// How far back bookings are read: the longest `missedWithinDays` the catalogue allows.
    public static let bookingHistoryDays = 90
}

extension Storage {
    /// Runs `body` in one IMMEDIATE transaction and commits it: the commit thread's group.
    /// Returns only once SQLite has committed (synchronous=FULL); throws if anything, the
    /// commit included, failed, and then nothing of it is on disk.
    public func transaction<T>(_ body: (QueueTransaction) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(QueueTransaction(db: db))
                return .commit
            }
            return result!
        }
    }

    /// Writes the changes of queue commands in one transaction of their own.
    @discardableResult
    public func write(_ changes: QueueChanges) throws -> [StoredEvent] {
        try transaction { try $0.write(changes) }
    }

    /// Today's queue, read in one snapshot.
    public func loadQueue(day: String) throws -> StoredQueue {
        try writer.read { db in try QueueTransaction.loadQueue(db, day: day) }
    }

    /// How many events a reader of the whole log takes at a time (the metrics at start-up, a
    /// report): a page is decoded in memory at once, so a smaller page keeps the start-up's peak
    /// memory down (10,000 events took about 3 MB more than 2,000), at no measurable cost in time.
    public static let eventPageSize = 2_000

    /// Stored events after `afterId`, oldest first, at most `limit`.
    public func queueEvents(after afterId: Int64 = 0, limit: Int = .max) throws -> [StoredEvent] {
        try writer.read { db in try Self.queueEvents(db, after: afterId, limit: limit) }
    }

    /// Decoded by column position: reading a whole log (the metrics at start-up, a report) this
    /// way is several times faster than as Codable records, which fold every column name to
    /// snake case on every row.
    private static func queueEvents(_ db: Database, after afterId: Int64, limit: Int) throws -> [StoredEvent] {
        try queueEvents(db, where: "id > ? ORDER BY id LIMIT ?", arguments: [afterId, limit])
    }

    /// The events that `condition` (SQL after `WHERE`, with its order and limit) selects,
    /// decoded by column position.
    static func queueEvents(_ db: Database, where condition: String, arguments: StatementArguments) throws
        -> [StoredEvent]
    {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, kind, ticket_id, window, service_id, case_id, hall_day, actor, at, detail
                FROM queue_event WHERE \(condition)
                """,
            arguments: arguments)
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

    /// Stored events after `afterId`, oldest first, at most `limit`, each with its ticket as it
    /// stands now (for the number and service a board shows).
    public func queueEventsWithTickets(after afterId: Int64, limit: Int) throws -> [(StoredEvent, Ticket?)] {
        try writer.read { db in
            let events = try Self.queueEvents(db, after: afterId, limit: limit)
            let ids = Set(events.compactMap(\.event.ticketId))
            let tickets = try Ticket.filter(keys: ids).fetchAll(db)
            let byId = Dictionary(tickets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            return events.map { ($0, $0.event.ticketId.flatMap { byId[$0] }) }
        }
    }

    /// The id of the newest event, 0 when there is none.
    public func lastQueueEventId() throws -> Int64 {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM queue_event") ?? 0 }
    }

    /// Every ticket of a hall day, for checks and reports.
    public func tickets(day: String) throws -> [Ticket] {
        try writer.read { db in
            try Ticket.filter(sql: "hall_day = ?", arguments: [day]).order(sql: "issued_at").fetchAll(db)
        }
    }

    /// One ticket by id, whatever its day.
    public func ticket(id: String) throws -> Ticket? {
        try writer.read { db in try Ticket.fetchOne(db, key: id) }
    }
}
