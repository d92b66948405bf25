import Foundation
import GRDB

/// The hall's SQLite database: WAL mode, `synchronous=FULL`, numbered migrations.
///
/// Handlers never write SQL: they call one method per query on this type, and each method
/// runs in its own transaction (GRDB retries on `SQLITE_BUSY` within `busyTimeout`). The
/// queue's commit thread writes through `transaction(_:)` instead, one transaction per group.
///
/// It works over any GRDB `DatabaseWriter` (as GRDB's `AppDatabase` does), so a test can hand
/// it a database in which one write fails (a trigger, a full disk) and watch what follows.
public final class Storage: Sendable {
    let writer: any DatabaseWriter
    /// The database file, or a description of the writer when it has none.
    public let path: String

    /// Opens (creating the folder and file if needed) and migrates the database at `path`.
    public convenience init(path: String, progress: (@Sendable (String) -> Void)? = nil) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try self.init(writer: DatabasePool(path: path, configuration: Self.configuration()), progress: progress)
    }

    /// Migrates and uses `writer`: a `DatabasePool` opened with `Storage.configuration()` in
    /// production, anything a test needs otherwise.
    /// `progress` hears how a long migration goes (the daemon logs it).
    public init(writer: any DatabaseWriter, progress: (@Sendable (String) -> Void)? = nil) throws {
        self.writer = writer
        self.path = writer.path
        try Migrations.migrator(progress: progress).migrate(writer)
    }

    /// How the hall's database is opened: durable commits, a bounded wait for the lock.
    public static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        // Two readers are plenty (reads are point lookups; most answers come from memory), and
        // each connection's page cache is held to 2 MiB: memory stays small on a small server.
        configuration.maximumReaderCount = 2
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -2048")
            // A write acknowledged to a client must survive power loss, not just a crash.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Checkpoints run on their own thread (`Checkpointer`), never inside a commit.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            // When the writer starts the log over (all of it copied, no reader in it), the file is
            // cut back to 4 MiB; past `Checkpointer.defaultWALLimit` the checkpointer empties it.
            try db.execute(sql: "PRAGMA journal_size_limit = 4194304")
            // Each command of a group writes in its own savepoint, whose undo copies of the pages
            // it changes go to a sub-journal: in memory, not a temporary file written page by page.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        return configuration
    }

    /// The journal mode SQLite reports; `wal` once opened through `DatabasePool`.
    public func journalMode() throws -> String {
        try writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// The numbered migrations applied so far, oldest first.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try Migrations.migrator().appliedMigrations(db) }
    }

    /// Whether `error` says the disk (or the database's page limit) is full.
    public static func isDiskFull(_ error: any Error) -> Bool {
        (error as? DatabaseError)?.resultCode == .SQLITE_FULL
    }

    /// Answers whether the database can be read at all.
    public func isReachable() -> Bool {
        (try? writer.read { db in try Int.fetchOne(db, sql: "SELECT 1") }) == 1
    }
}
