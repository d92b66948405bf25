import GRDB

/// 0017: same-day remote tickets (线上取号, issue 16): beside the ticket row, the phone it was
/// taken with (sealed, with its keyed hash for one a phone a day), the check-in code shown on
/// `/t/{id}`, when it was checked in at a kiosk, and when "前面还有 N 人" was written.
func migration0017RemoteTickets(_ db: Database) throws {
    try db.create(table: "remote_ticket") { table in
        table.primaryKey("ticket_id", .text)
        table.column("hall_day", .text).notNull()
        table.column("phone_key", .text).notNull()
        table.column("phone_sealed", .blob)
        table.column("check_in_code", .text).notNull()
        table.column("near_ahead", .integer).notNull()
        table.column("checked_in_at", .datetime)
        table.column("near_sent_at", .datetime)
    }
    try db.create(index: "remote_ticket_by_day", on: "remote_ticket", columns: ["hall_day", "phone_key"])
}
