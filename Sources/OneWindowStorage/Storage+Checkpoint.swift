import Foundation
import GRDB

/// The write-ahead log's bound at saturation, kept by the commit thread itself.
///
/// The `Checkpointer` copies the log from a connection of its own and never waits, so under a
/// sustained ticket load it almost never finds a gap between two groups, and readers keep the
/// log from starting over: at 8,000 tickets/s it reached 84–121 MiB past its 32 MiB bound. The
/// commit thread calls `truncateLog(ifPast:)` between groups instead: it holds the writer's lock
/// already, so only readers can delay it, and it waits for them briefly.
extension Storage {
    /// The write-ahead log file's size in bytes; 0 without one (a database in memory).
    public var logSize: Int {
        var info = stat()
        guard stat(path + "-wal", &info) == 0 else { return 0 }
        return Int(info.st_size)
    }

    /// Copies the whole log into the database file and empties it (a TRUNCATE checkpoint, on the
    /// writer's connection) when it is past `limit` bytes. Readers still in the log are waited
    /// for at most `wait` milliseconds: a checkpoint that finds one stays undone until the next
    /// call. Returns whether the log was emptied.
    @discardableResult
    public func truncateLog(ifPast limit: Int, wait: Int = 20) -> Bool {
        guard logSize > limit else { return false }
        let emptied = try? writer.writeWithoutTransaction { db -> Bool in
            // The writer's own wait for locks is seconds long; a group must not wait that long.
            let busyTimeout = try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 0
            try db.execute(sql: "PRAGMA busy_timeout = \(max(0, wait))")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = \(busyTimeout)") }
            // Its row: busy, frames in the log, frames copied.
            return try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")?[0] as Int? == 0
        }
        return emptied ?? false
    }
}
