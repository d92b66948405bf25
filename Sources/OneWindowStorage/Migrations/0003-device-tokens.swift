import GRDB

/// 0003: the bearer tokens of the hall's kiosks and clerk terminals. Only a token's SHA-256
/// is stored, so a copy of the database opens nothing. A revoked row is kept (with
/// `revoked_at`) for the record, which is why a name is unique only among live tokens.
func migration0003DeviceTokens(_ db: Database) throws {
    try db.create(table: "device_token") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("name", .text).notNull()
        table.column("role", .text).notNull()
        table.column("token_hash", .text).notNull().unique()
        table.column("created_at", .datetime).notNull()
        table.column("revoked_at", .datetime)
    }
    try db.create(
        index: "device_token_live_name", on: "device_token", columns: ["name"], options: .unique,
        condition: Column("revoked_at") == nil)
}
