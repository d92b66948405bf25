import Foundation
import OneWindowCore

extension QueueService {
    /// How long a read waits for a group's commit before it reads the database instead.
    static let readWait: TimeInterval = 2

    /// Reads the queue as the last commit left it: never a change whose commit is still in
    /// progress or failed. After midnight the day is rolled over first, so a read never shows
    /// yesterday's open tickets as waiting.
    ///
    /// From the kept snapshot if there is one (`CommittedQueue`); else from the applied queue if
    /// no group is in progress; else after the group's commit. If that takes longer than
    /// `readWait` (a disk that stalls), from the database; only if the database cannot be read
    /// either (the queue is degraded, `/healthz` says so) from memory as it stands.
    public func read<T>(_ body: (HallQueue) -> T) -> T {
        if Int64(clock().timeIntervalSince1970 * 1000) >= dayEnd.load(ordering: .relaxed) { rollOverAndWait() }
        let deadline = Date().addingTimeInterval(Self.readWait)
        while true {
            let (snapshot, published) = committed.take()
            if let snapshot { return body(snapshot) }
            if let answer = state.withLock({ state -> T? in state.pending ? nil : body(state.queue) }) {
                return answer
            }
            guard committed.waitForPublish(after: published, until: deadline) else { break }
        }
        do {
            let queue = try storedQueue()
            return body(queue)
        } catch {
            logger.error("a read found no committed queue in memory nor in the database; it shows memory: \(error)")
            return state.withLock { body($0.queue) }
        }
    }

    /// After a commit or a rebuild from the database, on the commit thread: the applied queue is
    /// what is on disk. The snapshot it replaces is released here, outside the locks.
    func publishCommitted() {
        let replaced = state.withLock { state in
            state.pending = false
            return committed.publish(state.queue)
        }
        _ = replaced
    }

    /// The queue as the database holds it now (its last commit), with the applied queue's
    /// settings (only they are taken: a copy of the queue kept here would make the commit
    /// thread copy what it changes next).
    func storedQueue() throws -> HallQueue {
        let settings = state.withLock { QueueSettings($0.queue) }
        return HallQueue(stored: try storage.loadQueue(day: settings.day), settings)
    }
}
