import Foundation
import OneWindowCore

/// The queue as the last commit left it, for reads, kept only while someone reads it.
///
/// The applied queue (`HallState`) runs ahead of the disk while a group commits; a read must
/// not show that: a crash, or a failed commit that rebuilds memory from the database, would
/// take back a call or a number a board or a clerk's screen had already shown. So after each
/// commit, and after each rebuild from the database, the commit thread publishes the applied
/// queue here (`publish`): a copy of a value type, which costs nothing until the next group
/// changes the queue, when the collections it changes are copied once (copy-on-write).
///
/// That copy grows with the day (measured 2026-12-06, load ~10: 0.6 ms per group for 1,000
/// tickets, 13 ms for 20,000), so a snapshot is kept only if a read asked for one since the
/// last commit: a daemon that only issues tickets copies nothing, and one that is read keeps
/// one snapshot per group. A read that finds none reads the applied queue if no group is in
/// progress (it is then what is on disk), and otherwise waits for the group's commit.
final class CommittedQueue: @unchecked Sendable {
    // @unchecked: every field is read and written under `condition`.
    private let condition = NSCondition()
    private var snapshot: HallQueue?
    /// A read came since the last publish: keep the next snapshot.
    private var wanted = false
    /// How many times the commit thread published; a waiting read waits for the next.
    private var published = 0

    /// The snapshot, if one is kept (and asks for the next one); else how many publishes
    /// there were, to wait for the next.
    func take() -> (queue: HallQueue?, published: Int) {
        condition.withLock {
            wanted = true
            return (snapshot, published)
        }
    }

    /// After a commit or a rebuild from the database: `queue` is what is on disk. Returns the
    /// snapshot it replaces, for the caller to release outside its locks.
    func publish(_ queue: HallQueue) -> HallQueue? {
        condition.withLock {
            let old = snapshot
            snapshot = wanted ? queue : nil
            wanted = false
            published += 1
            condition.broadcast()
            return old
        }
    }

    /// Whether a snapshot is kept now (tests tell which way a read went).
    var isKept: Bool { condition.withLock { snapshot != nil } }

    /// A reloaded catalogue changes no ticket: the snapshot takes it as the applied queue does.
    func replaceCatalogue(_ catalogue: Catalogue) {
        condition.withLock { snapshot?.replaceCatalogue(catalogue) }
    }

    /// Waits until the commit thread publishes after `count`; false if `deadline` came first.
    func waitForPublish(after count: Int, until deadline: Date) -> Bool {
        condition.withLock {
            while published == count {
                if !condition.wait(until: deadline) { return published != count }
            }
            return true
        }
    }
}
