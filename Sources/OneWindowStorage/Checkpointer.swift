import Foundation
import GRDB

/// Copies the write-ahead log into the database file on a thread of its own.
///
/// SQLite checkpoints automatically inside the commit that fills the log past 1,000 pages, so
/// every so often one group commit also wrote and synced the whole database file: that commit,
/// and every kiosk waiting on it, stalled. The daemon turns the automatic checkpoint off for
/// its writer and runs a PASSIVE checkpoint here instead, from a connection of its own, once a
/// second: it copies what it can without blocking the writer or any reader, and the writer
/// starts the log from the beginning again once it has all been copied.
public final class Checkpointer: Sendable {
    /// Signalled only by `stop`: the thread sleeps on it between checkpoints, so a timeout is
    /// the next checkpoint's turn and a signal means stop.
    private let wake = DispatchSemaphore(value: 0)
    /// Signalled when the thread has ended: a join with a deadline (a `Thread` cannot be joined).
    private let done = DispatchSemaphore(value: 0)

    /// Starts checkpointing the database at `path` every `interval` seconds.
    public init(path: String, interval: TimeInterval = 1) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(1)
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        let thread = Thread { [wake, done] in
            while wake.wait(timeout: .now() + interval) == .timedOut {
                // A busy or failed checkpoint is tried again next time; nothing depends on it.
                _ = try? connection.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)")
                }
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
