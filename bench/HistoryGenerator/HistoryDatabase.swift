import Foundation
import GRDB
import OneWindowStorage

/// The new database a history is generated into: the hall's own schema and migrations, and the
/// storage's own write functions, opened one of two ways.
///
/// - bulk (the default): nothing a hall needs from a commit matters while a file is generated
///   (if the generator stops, the file is thrown away), so the file is opened without syncs
///   (`synchronous=OFF`), with the rollback journal in memory instead of a write-ahead log (no
///   log to copy back, no checkpointer), a 256 MiB page cache and one exclusive connection,
///   and each simulated day is written in one transaction. At the end the file is put into
///   WAL mode, as the daemon's `DatabasePool` would leave it.
/// - daemon (`ONEWINDOW_HISTORY_WRITE=daemon`): as the daemon opens it (`Storage(path:)`: WAL,
///   `synchronous=FULL`, the `Checkpointer`), a transaction per ten simulated minutes. Slower;
///   `bench/history.sh --verify` holds the bulk file equal to it.
final class HistoryDatabase {
    let storage: Storage
    /// Simulated seconds between two writes within a day; nil: once a day, at its end.
    let writeEvery: Int?
    private let bulk: DatabaseQueue?
    private let checkpointer: Checkpointer?

    init(path: String, daemonLike: Bool) throws {
        if daemonLike {
            storage = try Storage(path: path)
            // As the daemon runs it: without it the log kept every page written (7 GB for a year).
            checkpointer = try Checkpointer(path: path)
            writeEvery = 600
            bulk = nil
            return
        }
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = MEMORY")
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA cache_size = -262144")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        storage = try Storage(writer: queue)
        bulk = queue
        checkpointer = nil
        writeEvery = nil
    }

    /// Leaves the file as the daemon's own: in WAL mode (the log empty: everything was written
    /// to the main file before the switch), or with the checkpointer stopped.
    func finish() throws {
        try bulk?.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        checkpointer?.stop()
    }
}
