import GRDB

/// 0012: how a ticket came into the queue (`walk_in`, `appointment`, `remote`; issue 16).
/// Every ticket from before is a walk-in: the kiosk's 取号 was the only way in. A booking
/// keeps when it was checked in (`checked_in_at`), for punctuality.
func migration0012TicketChannel(_ db: Database) throws {
    try db.alter(table: "ticket") { table in
        table.add(column: "channel", .text).notNull().defaults(to: "walk_in")
    }
    try db.alter(table: "booking") { table in
        table.add(column: "checked_in_at", .datetime)
    }
}
