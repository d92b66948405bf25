import Foundation

/// Where reads wait while a group's commit is in progress, so that they answer from the
/// queue as the last commit left it.
///
/// The applied queue (`HallState`) runs ahead of the disk from a group's first command to its
/// commit; a read must not show that: a crash, or a failed commit that rebuilds memory from the
/// database, would take back a call or a number a board or a clerk's screen had already shown.
/// Between groups the applied queue is what is on disk, and reads read it in place.
///
/// A copy of the queue for reads (published after each commit) was tried first: the next group
/// then copies every collection it changes (copy-on-write), which grows with the day. With one
/// reader 16 times a second during the ticket bench (a day of ~100,000 tickets) the daemon spent
/// 37 % more CPU per ticket (118.5 against 86.5 µs). Waiting copies nothing: a read waits at
/// most one group (a few milliseconds), and the commit thread lets the readers that waited in
/// before it starts the next group.
final class ReadGate: @unchecked Sendable {
    // @unchecked: every field is read and written under `condition`.
    private let condition = NSCondition()
    /// How many times the commit thread published (after a commit or a rebuild).
    private var published = 0
    /// Reads waiting for the next publish, or reading after it.
    private var waiting = 0

    /// A read found a group in progress: it waits from now. Returns the publishes so far.
    func arrive() -> Int {
        condition.withLock {
            waiting += 1
            return published
        }
    }

    /// How many reads wait now (tests hold a commit until theirs is in).
    var waitingReads: Int { condition.withLock { waiting } }

    /// The read has answered (or given up).
    func leave() {
        condition.withLock {
            waiting -= 1
            condition.broadcast()
        }
    }

    /// Waits until the commit thread publishes after `count`, and returns the publishes so
    /// far; nil if `deadline` came first.
    func waitForPublish(after count: Int, until deadline: Date) -> Int? {
        condition.withLock {
            while published == count {
                if !condition.wait(until: deadline), published == count { return nil }
            }
            return published
        }
    }

    /// On the commit thread, after a commit or a rebuild: the applied queue is on disk.
    func publish() {
        condition.withLock {
            published += 1
            condition.broadcast()
        }
    }

    /// On the commit thread, before a group changes the queue: lets the reads that waited for
    /// the last publish read first, for at most `limit` seconds (a read takes microseconds).
    func letWaitingReadsIn(limit: TimeInterval) {
        let deadline = Date().addingTimeInterval(limit)
        condition.withLock {
            while waiting > 0 {
                if !condition.wait(until: deadline) { return }
            }
        }
    }
}
