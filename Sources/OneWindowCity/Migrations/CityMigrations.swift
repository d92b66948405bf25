import Logging
import PostgresNIO

/// The city's schema changes, numbered as the hall's are. A migration, once released, is never
/// edited: add the next one. Each runs in its own transaction under an advisory lock, so two
/// city services starting together apply it once.
enum CityMigrations {
    struct Migration: Sendable {
        let number: Int
        let name: String
        let sql: [String]
        /// Run after `sql` in the same transaction: fills a new table from the stored rows.
        var backfill: (@Sendable (PostgresConnection, Logger) async throws -> Void)? = nil
    }

    static let all: [Migration] = [migration0001, migration0002, migration0003, migration0004, migration0005]

    /// The advisory lock's key: “OWCI” in ASCII.
    static let lockKey: Int64 = 0x4F57_4349

    static func apply(_ database: CityDatabase) async throws {
        try await database.transaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: database.logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS city_migration (
                    number integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: database.logger)
            var done = Set<Int>()
            for try await number in try await connection.query(
                "SELECT number FROM city_migration", logger: database.logger
            ).decode(Int.self) {
                done.insert(number)
            }
            for migration in all where !done.contains(migration.number) {
                for statement in migration.sql {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: database.logger)
                }
                try await migration.backfill?(connection, database.logger)
                try await connection.query(
                    "INSERT INTO city_migration (number, name) VALUES (\(migration.number), \(migration.name))",
                    logger: database.logger)
                database.logger.notice("applied city migration \(migration.number) \(migration.name)")
            }
        }
    }
}
