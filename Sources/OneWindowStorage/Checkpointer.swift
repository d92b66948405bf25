import Foundation
import GRDB
import Synchronization

/// Copies the write-ahead log into the database file on a thread of its own.
///
/// SQLite checkpoints automatically inside the commit that fills the log past 1,000 pages, so
/// every so often one group commit also wrote and synced the whole database file: that commit,
/// and every kiosk waiting on it, stalled. The daemon turns the automatic checkpoint off for
/// its writer and runs a PASSIVE checkpoint here instead, from a connection of its own, once a
/// second: it copies what it can without blocking the writer or any reader, and the writer
/// starts the log from the beginning again once it has all been copied.
public final class Checkpointer: Sendable {
    private let stopped = Atomic<Bool>(false)
    private let done = DispatchSemaphore(value: 0)
    /// Signalled by `stop`, so the thread does not sleep out its interval first.
    private let wake = DispatchSemaphore(value: 0)
    private let interval: TimeInterval

    /// Starts checkpointing the database at `path` every `interval` seconds.
    public init(path: String, interval: TimeInterval = 1) throws {
        self.interval = interval
        var configuration = Configuration()
        configuration.busyMode = .timeout(1)
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        let thread = Thread { [self] in
            while !stopped.load(ordering: .relaxed) {
                _ = wake.wait(timeout: .now() + interval)
                if stopped.load(ordering: .relaxed) { break }
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

    /// Stops after the checkpoint in progress, if any.
    public func stop() {
        guard !stopped.exchange(true, ordering: .relaxed) else { return }
        wake.signal()
        _ = done.wait(timeout: .now() + 5)
    }
}
