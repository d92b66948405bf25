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

    static let all: [Migration] = [
        migration0001, migration0002, migration0003, migration0004, migration0005, migration0006,
    ]

    /// The advisory lock's key: “OWCI” in ASCII.
    static let lockKey: Int64 = 0x4F57_4349

    /// Applies the migrations not yet applied. With `refusingRebuilds`, applies none and throws
    /// `RebuildPending` when one of them has a backfill and the city holds hall days: those take
    /// minutes for a province (0003: about 4 s a hall-year), longer than `serve` waits, and a
    /// service that gave up would leave its transaction's work to be done again by the next.
    static func apply(_ database: CityDatabase, refusingRebuilds: Bool = false) async throws {
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
            let rebuilds = all.filter { !done.contains($0.number) && $0.backfill != nil }
            if refusingRebuilds, !rebuilds.isEmpty, try await holdsHallDays(connection, logger: database.logger) {
                throw RebuildPending(migrations: rebuilds.map { "\($0.number) (\($0.name))" })
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

    /// Whether `city_day` exists and has a row: what the backfills read.
    private static func holdsHallDays(_ connection: PostgresConnection, logger: Logger) async throws -> Bool {
        var held = false
        for try await exists in try await connection.query(
            "SELECT to_regclass('city_day') IS NOT NULL", logger: logger
        ).decode(Bool.self) {
            held = exists
        }
        guard held else { return false }
        for try await any in try await connection.query("SELECT EXISTS (SELECT 1 FROM city_day)", logger: logger)
            .decode(Bool.self)
        {
            held = any
        }
        return held
    }

    /// Migrations that rebuild stored data are due, and only `onewindow-city migrate` runs them.
    public struct RebuildPending: Error, CustomStringConvertible {
        public let migrations: [String]
        public var description: String {
            "migration \(migrations.joined(separator: ", ")) rebuilds the stored hall days, which takes minutes "
                + "for many halls: stop the city services, run `onewindow-city migrate` once (it waits up to an hour "
                + "and logs its progress), then start them again"
        }
    }
}
