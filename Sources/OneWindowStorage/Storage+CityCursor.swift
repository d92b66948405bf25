import Foundation
import GRDB
import OneWindowCore

/// How far behind the city is: the events after the city's cursor, and the oldest one's time.
public struct CityBacklog: Sendable, Equatable {
    public var heldSeq: Int64 = 0
    public var events: Int = 0
    public var oldest: Date?
    public var acknowledgedAt: Date?
    public var lastError: String?

    public init() {}
}

extension Storage {
    /// The highest event id the city holds with every event before it.
    public func cityCursor() throws -> Int64 {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT held_seq FROM city_cursor WHERE id = 1") ?? 0 }
    }

    /// Records the city's answer: it holds every event up to `held`.
    public func moveCityCursor(to held: Int64, at: Date) throws {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE city_cursor SET held_seq = ?, acknowledged_at = ?, last_error = NULL WHERE id = 1",
                arguments: [held, Timestamp.sqlite(at)])
        }
    }

    /// Records why the last attempt failed (shown in `/healthz`).
    public func recordCityFailure(_ error: String) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE city_cursor SET last_error = ? WHERE id = 1", arguments: [error])
        }
    }

    /// The events after the cursor: how many, and when the oldest happened.
    public func cityBacklog() throws -> CityBacklog {
        try writer.read { db in
            var backlog = CityBacklog()
            if let row = try Row.fetchOne(
                db, sql: "SELECT held_seq, acknowledged_at, last_error FROM city_cursor WHERE id = 1")
            {
                backlog.heldSeq = row[0]
                backlog.acknowledgedAt = row[1]
                backlog.lastError = row[2]
            }
            backlog.events =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM queue_event WHERE id > ?", arguments: [backlog.heldSeq])
                ?? 0
            backlog.oldest = try Date.fetchOne(
                db, sql: "SELECT at FROM queue_event WHERE id > ? ORDER BY id LIMIT 1", arguments: [backlog.heldSeq])
            return backlog
        }
    }
}
