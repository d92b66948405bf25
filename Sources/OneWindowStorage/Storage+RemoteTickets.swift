import Foundation
import GRDB
import OneWindowCore

extension QueueTransaction {
    /// Writes a remote ticket (new, checked in, told it is near) in this group's transaction:
    /// a 201 is sent only once this commits. `phoneSealed` is written only when given.
    public func upsert(_ remote: RemoteTicket, phoneSealed: Data? = nil) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO remote_ticket (ticket_id, hall_day, phone_key, phone_sealed, check_in_code, near_ahead,
                    checked_in_at, near_sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (ticket_id) DO UPDATE SET checked_in_at = excluded.checked_in_at,
                    near_sent_at = excluded.near_sent_at, phone_sealed = coalesce(excluded.phone_sealed, phone_sealed)
                """)
        try statement.execute(arguments: [
            remote.ticketId, remote.hallDay, remote.phoneKey, phoneSealed, remote.checkInCode, remote.nearAhead,
            remote.checkedInAt.map(Timestamp.sqlite), remote.nearSentAt.map(Timestamp.sqlite),
        ])
    }

    /// The sealed phone number a remote ticket was taken with, as this transaction sees it.
    public func sealedPhone(ofRemoteTicket ticketId: String) throws -> Data? {
        try Data.fetchOne(
            db, sql: "SELECT phone_sealed FROM remote_ticket WHERE ticket_id = ?", arguments: [ticketId])
    }

    static func remoteTickets(_ db: Database, day: String) throws -> [RemoteTicket] {
        try Row.fetchAll(db, sql: "SELECT * FROM remote_ticket WHERE hall_day = ?", arguments: [day]).map {
            RemoteTicket(
                ticketId: $0["ticket_id"], hallDay: $0["hall_day"], phoneKey: $0["phone_key"],
                checkInCode: $0["check_in_code"], nearAhead: $0["near_ahead"], checkedInAt: $0["checked_in_at"],
                nearSentAt: $0["near_sent_at"])
        }
    }
}

extension Storage {
    /// Deletes remote tickets' phone rows of days before `day` (the retention period); the
    /// tickets themselves stay, as every ticket does. Returns how many.
    @discardableResult
    public func deleteRemoteTickets(beforeDay day: String) throws -> Int {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM remote_ticket WHERE hall_day < ?", arguments: [day])
            return db.changesCount
        }
    }
}
