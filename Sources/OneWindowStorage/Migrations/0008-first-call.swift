import GRDB

/// 0008: a ticket's first call of its turn, kept apart from its last call (`called_at`, which
/// a recall moves): a no-show is allowed only a set time after the first call. Tickets called
/// before this migration take their last call, which errs on the applicant's side.
func migration0008FirstCall(_ db: Database) throws {
    try db.alter(table: "ticket") { table in
        table.add(column: "first_called_at", .datetime)
    }
    try db.execute(sql: "UPDATE ticket SET first_called_at = called_at WHERE called_at IS NOT NULL")
}
