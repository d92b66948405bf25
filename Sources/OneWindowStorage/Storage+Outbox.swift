import Foundation
import GRDB
import OneWindowCore

extension QueueTransaction {
    /// Writes `messages` to the outbox in this transaction: they exist exactly when the change
    /// they tell of does. Each is due at once.
    public func enqueue(_ messages: [OutboxMessage], at now: Date) throws {
        guard !messages.isEmpty else { return }
        // A message to a phone is keyed by its event, unique (migration 0011): the same event
        // asked again (a reminder after a restart) writes nothing.
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO outbox (id, topic, key, payload, created_at, attempts, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, 0, ?)
                """)
        let insertOnce = try db.cachedStatement(
            sql: """
                INSERT INTO outbox (id, topic, key, payload, created_at, attempts, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, 0, ?) ON CONFLICT (key) WHERE topic = 'message' DO NOTHING
                """)
        let at = Timestamp.sqlite(now)
        for message in messages {
            try (message.topic == OutboxLane.messageTopic ? insertOnce : insert).execute(arguments: [
                UUID().uuidString.lowercased(), message.topic, message.key,
                String(decoding: message.payload, as: UTF8.self), at, at,
            ])
        }
    }
}

extension Storage {
    /// The oldest undelivered records of `lane`, in the order they were written, at most `limit`.
    public func outboxPending(limit: Int, lane: OutboxLane = .records) throws -> [OutboxRecord] {
        try writer.read { db in
            try Self.outboxRecords(
                db, where: "delivered_at IS NULL AND \(lane.condition) ORDER BY seq LIMIT ?",
                [OutboxLane.messageTopic, limit])
        }
    }

    /// Every record of `topic` (undelivered ones too), oldest first, at most `limit`.
    public func outboxRecords(topic: String, limit: Int = 10_000) throws -> [OutboxRecord] {
        try writer.read { db in
            try Self.outboxRecords(db, where: "topic = ? ORDER BY seq LIMIT ?", [topic, limit])
        }
    }

    /// Records one turn of the sender in one transaction: `delivered` are never sent again;
    /// `failed`, if any, is tried again at its `retryAt`. One transaction per turn, not per
    /// record, so the sender takes the database's write lock from the commit thread rarely.
    public func markOutbox(delivered: [String], at now: Date, failed: OutboxFailure? = nil) throws {
        guard !delivered.isEmpty || failed != nil else { return }
        try writer.write { db in
            let mark = try db.cachedStatement(
                sql: "UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")
            for id in delivered { try mark.execute(arguments: [Timestamp.sqlite(now), id]) }
            if let failed {
                try db.execute(
                    sql: "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
                    arguments: [String(failed.error.prefix(500)), Timestamp.sqlite(failed.retryAt), failed.id])
            }
        }
    }

    /// Depth, oldest record and failing records of the outbox.
    ///
    /// Read from the partial index of undelivered records and the first few of them, never by
    /// visiting every undelivered row: with a backlog of thousands (payloads of a kilobyte or
    /// more each), two full scans five times a second were the push's main cost on the commit
    /// path's two cores. Only the first records can have failed: the sender sends in order and
    /// stops at the first failure, so a record is tried only once all before it are delivered.
    public func outboxBacklog() throws -> OutboxBacklog {
        try writer.read { db in
            let depth = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL") ?? 0
            let oldest = try Date.fetchOne(
                db, sql: "SELECT created_at FROM outbox WHERE delivered_at IS NULL ORDER BY seq LIMIT 1")
            let head = try Row.fetchAll(
                db,
                sql: """
                    SELECT last_error FROM outbox WHERE delivered_at IS NULL AND last_error IS NOT NULL
                    AND seq IN (SELECT seq FROM outbox WHERE delivered_at IS NULL ORDER BY seq LIMIT ?)
                    ORDER BY next_attempt_at DESC
                    """,
                arguments: [Self.outboxHead])
            return OutboxBacklog(
                depth: depth, oldest: oldest, failing: head.count, lastError: head.first?[0])
        }
    }

    /// How many of the oldest undelivered records `outboxBacklog` looks at for failures.
    static let outboxHead = 64

    /// Deletes records delivered before `date`, and with `undelivered` also those never
    /// delivered and written before it (when nothing is to deliver them); returns how many.
    @discardableResult
    public func purgeOutbox(before date: Date, undelivered: Bool = false, lane: OutboxLane = .records) throws -> Int {
        try writer.write { db in
            try db.execute(
                sql: undelivered
                    ? "DELETE FROM outbox WHERE COALESCE(delivered_at, created_at) < ? AND \(lane.condition)"
                    : "DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < ? AND \(lane.condition)",
                arguments: [Timestamp.sqlite(date), OutboxLane.messageTopic])
            return db.changesCount
        }
    }

    private static func outboxRecords(_ db: Database, where condition: String, _ arguments: StatementArguments)
        throws -> [OutboxRecord]
    {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, topic, key, payload, created_at, attempts, next_attempt_at, last_error, delivered_at
                FROM outbox WHERE \(condition)
                """,
            arguments: arguments
        ).map { row in
            OutboxRecord(
                id: row[0], topic: row[1], key: row[2], payload: Data((row[3] as String).utf8), createdAt: row[4],
                attempts: row[5], nextAttemptAt: row[6], lastError: row[7], deliveredAt: row[8])
        }
    }
}
