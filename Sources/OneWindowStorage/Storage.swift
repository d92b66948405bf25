import Foundation
import GRDB

/// The hall's SQLite database: WAL mode, `synchronous=FULL`, numbered migrations.
///
/// Handlers never write SQL: they call one method per query on this type, and each method
/// runs in its own transaction (GRDB retries on `SQLITE_BUSY` within `busyTimeout`).
public final class Storage: Sendable {
    let pool: DatabasePool
    public let path: String

    /// Opens (creating the folder and file if needed) and migrates the database at `path`.
    public init(path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // A write acknowledged to a client must survive power loss, not just a crash.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        self.path = path
        try Migrations.migrator.migrate(pool)
    }

    /// The journal mode SQLite reports; `wal` once opened through `DatabasePool`.
    public func journalMode() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// The numbered migrations applied so far, oldest first.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try Migrations.migrator.appliedMigrations(db) }
    }

    /// Answers whether the database can be read at all, for `/healthz`.
    public func isReachable() -> Bool {
        (try? pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }) == 1
    }
}
