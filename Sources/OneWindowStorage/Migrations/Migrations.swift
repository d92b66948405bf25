import GRDB

/// Every schema change, in order. A migration, once released, is never edited: add the next one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("0001-catalogue-loads", migrate: migration0001CatalogueLoads)
        return migrator
    }
}
