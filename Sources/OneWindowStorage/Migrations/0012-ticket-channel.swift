import GRDB

/// 0012: how a ticket came into the queue (`walk_in`, `appointment`, `remote`; issue 16).
/// Every ticket from before is a walk-in: the kiosk's 取号 was the only way in.
func migration0012TicketChannel(_ db: Database) throws {
    try db.alter(table: "ticket") { table in
        table.add(column: "channel", .text).notNull().defaults(to: "walk_in")
    }
}
