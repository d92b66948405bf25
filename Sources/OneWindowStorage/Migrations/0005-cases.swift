import GRDB

/// 0005: cases (办件) across visits, evaluations (好差评), and events that say enough for
/// the metrics to be computed from the event log alone.
///
/// A ticket now names its case and how its visit ended (missing materials, a note). Events
/// carry the service, the case and the hall day they belong to; those of earlier tickets are
/// filled in from their ticket (the append-only trigger is lifted for that one update).
func migration0005Cases(_ db: Database) throws {
    try db.alter(table: "ticket") { table in
        table.add(column: "case_id", .text)
        /// JSON array of material ids, for `needs_more`.
        table.add(column: "missing_materials", .text).notNull().defaults(to: "[]")
        table.add(column: "note", .text)
    }
    try db.create(index: "ticket_case", on: "ticket", columns: ["case_id"])
    try db.create(table: "case_record") { table in
        table.primaryKey("id", .text)
        table.column("service_id", .text).notNull()
        table.column("opened_at", .datetime).notNull()
        table.column("state", .text).notNull()
        table.column("ended_at", .datetime)
        table.column("cancel_reason", .text)
        table.column("visits", .integer).notNull()
    }
    try db.create(index: "case_record_state", on: "case_record", columns: ["state"])
    try db.create(table: "evaluation") { table in
        table.primaryKey("id", .text)
        table.column("ticket_id", .text).notNull().unique()
        table.column("case_id", .text)
        table.column("service_id", .text).notNull()
        table.column("hall_day", .text).notNull()
        table.column("rating", .integer).notNull()
        table.column("comment", .text)
        table.column("at", .datetime).notNull()
        table.column("rectify_by", .text)
        table.column("rectified_at", .datetime)
        table.column("rectification", .text)
    }
    try db.create(index: "evaluation_day", on: "evaluation", columns: ["hall_day"])
    try db.alter(table: "queue_event") { table in
        table.add(column: "service_id", .text)
        table.add(column: "case_id", .text)
        table.add(column: "hall_day", .text)
    }
    try db.execute(
        sql: """
            DROP TRIGGER queue_event_no_update;
            UPDATE queue_event SET
                service_id = (SELECT service_id FROM ticket WHERE ticket.id = queue_event.ticket_id),
                hall_day = (SELECT hall_day FROM ticket WHERE ticket.id = queue_event.ticket_id)
            WHERE ticket_id IS NOT NULL;
            CREATE TRIGGER queue_event_no_update BEFORE UPDATE ON queue_event
            BEGIN SELECT RAISE(ABORT, 'queue_event rows are never updated'); END;
            """)
}
