import GRDB

/// 0004: idempotency keys get their own table, scoped to the device that sent them.
///
/// Before, a UNIQUE index on `ticket.idempotency_key` spanned every device and every day while
/// the queue forgot keys each night: a key sent again the next day failed its whole commit
/// group. Now a key belongs to (device, key), remembers the request it came with, and the
/// commit thread claims it in the same savepoint as the ticket it issues.
///
/// `health_probe` is the one row `/healthz` writes, to show that writes still commit.
func migration0004IdempotencyKeys(_ db: Database) throws {
    try db.create(table: "idempotency_key", options: .withoutRowID) { table in
        table.column("device", .text).notNull()
        table.column("key", .text).notNull()
        /// The request the key came with: the same key with another request is refused.
        table.column("fingerprint", .text).notNull()
        table.column("ticket_id", .text).notNull()
        table.column("created_at", .datetime).notNull()
        table.primaryKey(["device", "key"])
    }
    try db.create(index: "idempotency_key_created", on: "idempotency_key", columns: ["created_at"])
    // Keys already used keep working for their tickets: the device is the actor that issued them.
    try db.execute(
        sql: """
            INSERT OR IGNORE INTO idempotency_key (device, key, fingerprint, ticket_id, created_at)
            SELECT e.actor, t.idempotency_key, '', t.id, t.issued_at
            FROM ticket t JOIN queue_event e ON e.ticket_id = t.id AND e.kind = 'issued'
            WHERE t.idempotency_key IS NOT NULL
            """)
    try db.drop(index: "ticket_idempotency_key")
    try db.alter(table: "ticket") { table in table.drop(column: "idempotency_key") }
    try db.create(table: "health_probe") { table in
        table.primaryKey("id", .integer)
        table.column("at", .datetime).notNull()
        table.column("space", .blob)
    }
}
