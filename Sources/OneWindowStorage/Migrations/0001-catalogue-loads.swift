import GRDB

/// 0001: the history of catalogue loads, so an operator can see which version of
/// services.json the hall served when. Rows are only ever appended.
func migration0001CatalogueLoads(_ db: Database) throws {
    try db.create(table: "catalogue_load") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("loaded_at", .datetime).notNull()
        table.column("file", .text).notNull()
        table.column("version", .text).notNull()
        table.column("service_count", .integer).notNull()
    }
}
