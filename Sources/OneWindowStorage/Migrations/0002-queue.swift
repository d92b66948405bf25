import GRDB

/// 0002: the queue. `ticket` holds each ticket's current state; `queue_event` is the
/// append-only history (triggers refuse UPDATE and DELETE); `window_state` the windows'.
func migration0002Queue(_ db: Database) throws {
    try db.create(table: "ticket") { table in
        table.primaryKey("id", .text)
        table.column("hall_day", .text).notNull()
        table.column("prefix", .text).notNull()
        table.column("sequence", .integer).notNull()
        table.column("service_id", .text).notNull()
        table.column("priority", .boolean).notNull()
        table.column("status", .text).notNull()
        table.column("window", .text)
        table.column("call_count", .integer).notNull()
        table.column("issued_at", .datetime).notNull()
        table.column("called_at", .datetime)
        table.column("ended_at", .datetime)
        table.column("outcome", .text)
        table.column("idempotency_key", .text)
        // A number is never issued twice in a day, whatever crashes.
        table.uniqueKey(["hall_day", "prefix", "sequence"])
    }
    try db.create(index: "ticket_idempotency_key", on: "ticket", columns: ["idempotency_key"], unique: true)
    try db.create(index: "ticket_open", on: "ticket", columns: ["status", "hall_day"])
    try db.create(table: "queue_event") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("kind", .text).notNull()
        table.column("ticket_id", .text)
        table.column("window", .text)
        table.column("actor", .text).notNull()
        table.column("at", .datetime).notNull()
        table.column("detail", .text)
    }
    try db.execute(
        sql: """
            CREATE TRIGGER queue_event_no_update BEFORE UPDATE ON queue_event
            BEGIN SELECT RAISE(ABORT, 'queue_event rows are never updated'); END;
            CREATE TRIGGER queue_event_no_delete BEFORE DELETE ON queue_event
            BEGIN SELECT RAISE(ABORT, 'queue_event rows are never deleted'); END;
            """)
    try db.create(table: "window_state") { table in
        table.primaryKey("id", .text)
        table.column("paused", .boolean).notNull()
        table.column("current_ticket_id", .text)
    }
}
