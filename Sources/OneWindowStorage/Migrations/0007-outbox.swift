import GRDB

/// 0007: the outbox (records for other systems, written in the transaction of the change they
/// tell of, delivered later by a sender), and a bad review's follow-up beyond 已整改: the first
/// note (整改中) and the applicant's visit-back (已回访). Completions are indexed by ticket.
///
/// Numbered 0007 while 0006 belongs to another change of the same release; the migrator runs
/// them in the order they are registered, whatever their numbers.
func migration0007Outbox(_ db: Database) throws {
    try db.create(table: "outbox") { table in
        // The row order is the delivery order; `id` is what receivers see (Idempotency-Key).
        table.autoIncrementedPrimaryKey("seq")
        table.column("id", .text).notNull().unique()
        table.column("topic", .text).notNull()
        table.column("key", .text).notNull()
        table.column("payload", .text).notNull()
        table.column("created_at", .datetime).notNull()
        table.column("attempts", .integer).notNull().defaults(to: 0)
        table.column("next_attempt_at", .datetime).notNull()
        table.column("last_error", .text)
        table.column("delivered_at", .datetime)
    }
    try db.execute(sql: "CREATE INDEX outbox_pending ON outbox (seq) WHERE delivered_at IS NULL")
    // The clerk terminal that ended a visit (办理终端) is its `completed` event's actor; only
    // those events are indexed, so the other events' inserts cost nothing more.
    try db.execute(
        sql: "CREATE INDEX queue_event_completed ON queue_event (ticket_id) WHERE kind = 'completed'")
    try db.alter(table: "evaluation") { table in
        table.add(column: "progress_note", .text)
        table.add(column: "progress_at", .datetime)
        table.add(column: "visited_back_at", .datetime)
        table.add(column: "visit_back_result", .text)
    }
}
