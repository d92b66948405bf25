import Foundation
import GRDB
import OneWindowStorage

/// The new database a history is generated into: the hall's own schema and migrations
/// (`Storage(writer:)`), opened for a bulk load instead of for a hall's durable commits.
///
/// Nothing a hall needs from a commit matters while a file is generated: if the generator
/// stops, the file is thrown away. So the generator turns off what the daemon's configuration
/// pays for: no sync (`synchronous=OFF`), the rollback journal in memory instead of a
/// write-ahead log (no log to copy back, no checkpointer), a 256 MiB page cache, and one
/// exclusive connection. What is written, and by which functions, is the same. At the end the
/// file is put into WAL mode, as the daemon's `DatabasePool` would leave it.
enum HistoryDatabase {
    /// Opens and migrates a new database at `path` for generation.
    static func open(path: String) throws -> (Storage, DatabaseQueue) {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = MEMORY")
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA cache_size = -262144")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return (try Storage(writer: queue), queue)
    }

    /// Leaves the file as the daemon's own: in WAL mode (with the log empty: everything was
    /// written to the main file before the switch).
    static func finish(_ queue: DatabaseQueue) throws {
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
    }
}
