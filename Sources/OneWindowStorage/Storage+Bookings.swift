import Foundation
import GRDB
import OneWindowCore

extension QueueTransaction {
    /// Writes a booking (new, cancelled or checked in) in this group's transaction: a 201 for a
    /// booking is sent only once this commits. `phoneSealed` is written only when given, so a
    /// status change never needs the number.
    public func upsert(_ booking: Booking, phoneSealed: Data? = nil) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO booking (code, service_id, day, start_minutes, letter, phone_key, phone_sealed, status,
                    booked_at, cancelled_at, case_id, ticket_id, checked_in_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET status = excluded.status, cancelled_at = excluded.cancelled_at,
                    ticket_id = excluded.ticket_id, phone_sealed = coalesce(excluded.phone_sealed, phone_sealed),
                    checked_in_at = excluded.checked_in_at
                """)
        try statement.execute(arguments: [
            booking.code, booking.serviceId, booking.slot.day, booking.slot.start.minutes, booking.slot.letter,
            booking.phoneKey, phoneSealed, booking.status.rawValue, Timestamp.sqlite(booking.bookedAt),
            booking.cancelledAt.map(Timestamp.sqlite), booking.caseId, booking.ticketId,
            booking.checkedInAt.map(Timestamp.sqlite),
        ])
    }
}

extension Storage {
    /// The bookings of `fromDay` and after: what the ledger needs at start-up (live bookings
    /// and the misses that count towards a ban).
    public func bookings(fromDay: String) throws -> [Booking] {
        try writer.read { db in try Self.bookings(db, fromDay: fromDay) }
    }

    static func bookings(_ db: Database, fromDay: String) throws -> [Booking] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM booking WHERE day >= ? ORDER BY day, start_minutes, booked_at",
            arguments: [fromDay]
        ).map(Self.booking)
    }

    /// One booking's sealed phone number, to send it a message or check who reads it.
    public func sealedPhone(ofBooking code: String) throws -> Data? {
        try writer.read { db in
            try Data.fetchOne(db, sql: "SELECT phone_sealed FROM booking WHERE code = ?", arguments: [code])
        }
    }

    /// Forgets the phone numbers of bookings whose day is before `day` (the retention period):
    /// the booking stays for the figures, its number and key are gone. Returns how many.
    @discardableResult
    public func erasePhones(beforeDay day: String) throws -> Int {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE booking SET phone_sealed = NULL, phone_key = '' WHERE day < ? AND phone_key != ''",
                arguments: [day])
            return db.changesCount
        }
    }

    /// Forgets one phone's numbers everywhere (a request under 个人信息保护法 第四十七条):
    /// its bookings and remote tickets keep their figures without the number or key. Returns
    /// how many rows held it.
    @discardableResult
    public func erasePhone(key: String) throws -> Int {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE booking SET phone_sealed = NULL, phone_key = '' WHERE phone_key = ?", arguments: [key])
            let bookings = db.changesCount
            try db.execute(
                sql: "UPDATE remote_ticket SET phone_sealed = NULL, phone_key = '' WHERE phone_key = ?",
                arguments: [key])
            return bookings + db.changesCount
        }
    }

    static func booking(_ row: Row) -> Booking {
        Booking(
            code: row["code"], serviceId: row["service_id"],
            slot: Slot(day: row["day"], start: ClockTime(minutes: row["start_minutes"]), letter: row["letter"]),
            phoneKey: row["phone_key"], status: Booking.Status(rawValue: row["status"]) ?? .cancelled,
            bookedAt: row["booked_at"], cancelledAt: row["cancelled_at"], caseId: row["case_id"],
            ticketId: row["ticket_id"], checkedInAt: row["checked_in_at"])
    }
}

extension QueueTransaction {
    /// One booking's sealed phone number as this transaction sees it (its own writes included).
    public func sealedPhone(ofBooking code: String) throws -> Data? {
        try Data.fetchOne(db, sql: "SELECT phone_sealed FROM booking WHERE code = ?", arguments: [code])
    }

    /// The sealed phone number of the booking a ticket was checked in from, if any.
    public func sealedPhone(ofTicket ticketId: String) throws -> Data? {
        try Data.fetchOne(db, sql: "SELECT phone_sealed FROM booking WHERE ticket_id = ?", arguments: [ticketId])
    }
}

extension Storage {
    /// The bookings of `day` still booked, made before `bookedBefore`, that have a number and no
    /// reminder yet, with their sealed numbers: what the day-before reminder sends to.
    public func bookingsToRemind(day: String, bookedBefore: Date) throws -> [(Booking, Data)] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM booking WHERE day = ? AND status = 'booked' AND phone_sealed IS NOT NULL
                    AND booked_at < ? AND NOT EXISTS (
                        SELECT 1 FROM outbox WHERE topic = 'message' AND key = 'booking_reminder:' || booking.code)
                    ORDER BY start_minutes, code
                    """,
                arguments: [day, Timestamp.sqlite(bookedBefore)]
            ).map { (Self.booking($0), $0["phone_sealed"]) }
        }
    }

}
