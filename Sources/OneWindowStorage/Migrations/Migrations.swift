import GRDB

/// Every schema change, in order. A migration, once released, is never edited: add the next one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("0001-catalogue-loads", migrate: migration0001CatalogueLoads)
        migrator.registerMigration("0002-queue", migrate: migration0002Queue)
        migrator.registerMigration("0003-device-tokens", migrate: migration0003DeviceTokens)
        migrator.registerMigration("0004-idempotency-keys", migrate: migration0004IdempotencyKeys)
        migrator.registerMigration("0005-cases", migrate: migration0005Cases)
        // 0006 and 0007 are other branches' of the same issue; GRDB runs migrations in the
        // order registered, and a name need not follow the one before it.
        migrator.registerMigration("0008-first-call", migrate: migration0008FirstCall)
        return migrator
    }
}
