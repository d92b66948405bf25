import Foundation
import OneWindowCore

extension QueueService {
    /// How long a read waits for a group's commit before it reads the database instead, unless
    /// configured otherwise: a group commits in milliseconds; a read must not hold a worker
    /// thread long on a disk that stalls.
    public static let defaultReadWait: TimeInterval = 0.5
    /// How long the commit thread lets waiting reads go first before a group.
    static let readTurn: TimeInterval = 0.05

    /// Reads the queue as the last commit left it: never a change whose commit is still in
    /// progress or failed. After midnight the day is rolled over first, so a read never shows
    /// yesterday's open tickets as waiting.
    ///
    /// From the applied queue when no group is in progress (it is then what is on disk); else
    /// after the group's commit (`ReadGate`). If that takes longer than `readWait` (a disk that
    /// stalls), or the queue is degraded, from the database; only if the database cannot be read
    /// either (`/healthz` then says so) from memory as it stands.
    public func read<T>(_ body: (HallQueue) -> T) -> T {
        if Int64(clock().timeIntervalSince1970 * 1000) >= dayEnd.load(ordering: .relaxed) { rollOverAndWait() }
        if let answer = readIfOnDisk(body) { return answer }
        // Degraded, no commit is coming until the database can be read: none is waited for.
        if !health.withLock({ $0.degraded }), let answer = readAfterCommit(body) { return answer }
        do {
            let queue = try storedQueue()
            return body(queue)
        } catch {
            logger.error("a read found the queue neither committed in memory nor readable in the database: \(error)")
            return state.withLock { body($0.queue) }
        }
    }

    /// The read, in place under the queue's lock, if no group is in progress.
    private func readIfOnDisk<T>(_ body: (HallQueue) -> T) -> T? {
        state.withLock { state -> T? in state.pending ? nil : body(state.queue) }
    }

    /// The read after the group in progress commits (the commit thread lets it in before the
    /// next group); nil after `readWait`.
    private func readAfterCommit<T>(_ body: (HallQueue) -> T) -> T? {
        let deadline = Date().addingTimeInterval(readWait)
        var seen = reads.arrive()
        defer { reads.leave() }
        while true {
            if let answer = readIfOnDisk(body) { return answer }
            guard let next = reads.waitForPublish(after: seen, until: deadline) else { return nil }
            seen = next
        }
    }

    /// After a commit or a rebuild from the database, on the commit thread: the applied queue is
    /// what is on disk, and the reads that waited for it go.
    func publishCommitted() {
        state.withLock { $0.pending = false }
        reads.publish()
    }

    /// The queue as the database holds it now (its last commit), with the applied queue's
    /// settings (only they are taken: a copy of the queue held here would make the commit
    /// thread copy what it changes next).
    func storedQueue() throws -> HallQueue {
        let settings = state.withLock { QueueSettings($0.queue) }
        return HallQueue(stored: try storage.loadQueue(day: settings.day), settings)
    }
}
