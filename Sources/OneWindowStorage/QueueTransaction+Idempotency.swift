import Foundation
import GRDB
import OneWindowCore

/// An `Idempotency-Key` as stored: which device sent it, with what request, for which ticket.
public struct IdempotencyRecord: Sendable, Equatable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "idempotency_key"

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy { .sqliteText }

    public var device: String
    public var key: String
    /// The request the key first came with (service, priority, case); empty for keys kept from
    /// before fingerprints were stored, which match any request.
    public var fingerprint: String
    public var ticketId: String
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case device, key, fingerprint
        case ticketId = "ticket_id"
        case createdAt = "created_at"
    }

    public init(device: String, key: String, fingerprint: String, ticketId: String, createdAt: Date) {
        self.device = device
        self.key = key
        self.fingerprint = fingerprint
        self.ticketId = ticketId
        self.createdAt = createdAt
    }
}

extension QueueTransaction {
    /// Claims `record`'s (device, key) for its ticket. Returns nil when the key was free (and
    /// is now taken, within this job's savepoint), or the row that already holds it.
    public func claim(_ record: IdempotencyRecord) throws -> IdempotencyRecord? {
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO idempotency_key (device, key, fingerprint, ticket_id, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(device, key) DO NOTHING
                """)
        try insert.execute(arguments: [
            record.device, record.key, record.fingerprint, record.ticketId, Timestamp.sqlite(record.createdAt),
        ])
        guard db.changesCount == 0 else { return nil }
        return try IdempotencyRecord.filter(sql: "device = ? AND key = ?", arguments: [record.device, record.key])
            .fetchOne(db)
    }

    /// Gives a key back: the command it was claimed for was refused, so nothing holds it.
    public func unclaim(_ record: IdempotencyRecord) throws {
        let delete = try db.cachedStatement(sql: "DELETE FROM idempotency_key WHERE device = ? AND key = ?")
        try delete.execute(arguments: [record.device, record.key])
    }

    /// Forgets keys older than `date`; they are kept long after the 24 hours a retry is honoured,
    /// so that a key reused late is refused clearly instead of issuing a second ticket.
    public func forgetKeys(before date: Date) throws {
        try db.execute(sql: "DELETE FROM idempotency_key WHERE created_at < ?", arguments: [Timestamp.sqlite(date)])
    }
}
