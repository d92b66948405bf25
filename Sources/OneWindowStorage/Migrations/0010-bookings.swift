import GRDB

/// 0010: appointments (预约). A booking keeps its phone number sealed (AES-GCM, `phone_sealed`)
/// and a keyed hash of it (`phone_key`) for the per-phone limits; neither is readable without
/// the hall's phone key. Verification codes are not stored: they live minutes, in memory.
func migration0010Bookings(_ db: Database) throws {
    try db.create(table: "booking") { table in
        table.primaryKey("code", .text)
        table.column("service_id", .text).notNull()
        table.column("day", .text).notNull()
        table.column("start_minutes", .integer).notNull()
        table.column("letter", .text).notNull()
        table.column("phone_key", .text).notNull()
        table.column("phone_sealed", .blob)
        table.column("status", .text).notNull()
        table.column("booked_at", .datetime).notNull()
        table.column("cancelled_at", .datetime)
        table.column("case_id", .text)
        table.column("ticket_id", .text)
    }
    try db.create(index: "booking_day", on: "booking", columns: ["day", "start_minutes", "letter"])
    try db.create(index: "booking_phone", on: "booking", columns: ["phone_key"])
}
