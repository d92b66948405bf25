import Foundation
import GRDB

/// Copies the write-ahead log into the database file on a thread of its own, and keeps the log
/// file small.
///
/// SQLite checkpoints automatically inside the commit that fills the log past 1,000 pages, so
/// every so often one group commit also wrote and synced the whole database file: that commit,
/// and every kiosk waiting on it, stalled. The daemon turns the automatic checkpoint off for
/// its writer and runs a PASSIVE checkpoint here instead, from a connection of its own, once a
/// second: it copies what it can without blocking the writer or any reader, and the writer
/// starts the log from the beginning again once it has all been copied.
///
/// Under sustained load that beginning never comes: some reader always holds a snapshot in
/// the log, so the writer keeps appending and the file grew to 118–356 MB. Once the log is past
/// `walLimit` bytes, a TRUNCATE checkpoint follows: it copies the rest and empties the file.
/// It never waits (this connection has no busy timeout): while the commit thread writes or a
/// reader still holds an older snapshot, it gives up at once and is tried again 10 ms later, so
/// it runs in a gap between group commits and holds the writer's lock only while it copies.
public final class Checkpointer: Sendable {
    /// Signalled only by `stop`: the thread sleeps on it between checkpoints, so a timeout is
    /// the next checkpoint's turn and a signal means stop.
    private let wake = DispatchSemaphore(value: 0)
    /// Signalled when the thread has ended: a join with a deadline (a `Thread` cannot be joined).
    private let done = DispatchSemaphore(value: 0)

    /// The log size past which the checkpoint truncates it: 32 MiB, a few seconds of the
    /// heaviest ticket load measured, and nothing a hall's disk notices.
    public static let defaultWALLimit = 32 << 20

    /// Starts checkpointing the database at `path` every `interval` seconds, truncating the log
    /// once it is past `walLimit` bytes.
    public init(path: String, interval: TimeInterval = 1, walLimit: Int = Checkpointer.defaultWALLimit) throws {
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        let pageSize = try connection.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096 }
        let thread = Thread { [wake, done] in
            var pause = interval
            while wake.wait(timeout: .now() + pause) == .timedOut {
                // A busy or failed checkpoint is tried again next time; nothing depends on it.
                let tooLong = try? connection.writeWithoutTransaction { db -> Bool in
                    // Its row: busy, frames in the log, frames copied.
                    let frames = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")?[1] as Int? ?? 0
                    guard frames * pageSize > walLimit else { return false }
                    let busy = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")?[0] as Int? ?? 1
                    return busy != 0
                }
                pause = tooLong == true ? min(interval, 0.01) : interval
            }
            done.signal()
        }
        thread.name = "onewindow-checkpoint"
        thread.start()
    }

    /// A checkpointer dropped without `stop` ends its thread too.
    deinit { wake.signal() }

    /// Stops after the checkpoint in progress, if any; waits for it at most 5 seconds.
    public func stop() {
        wake.signal()
        // Signalled again once seen, so that a second `stop` returns at once as well.
        if done.wait(timeout: .now() + 5) == .success { done.signal() }
    }
}
