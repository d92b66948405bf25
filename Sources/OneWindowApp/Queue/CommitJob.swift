import Foundation
import OneWindowCore
import OneWindowStorage

/// One submitted command as the commit thread runs it.
struct CommitJob: Sendable {
    /// How to answer once the group's fate is known: `true` when it committed.
    typealias Answer = @Sendable (_ committed: Bool) -> Void

    /// Runs on the commit thread inside the job's own savepoint: throwing undoes what it wrote
    /// and fails this job alone.
    let run: @Sendable (inout JobRun) throws -> Answer
    /// Answers a job that never ran: the service is stopping, busy or cannot write.
    let reject: @Sendable (QueueFailure) -> Void
}

/// What a job works with on the commit thread, and what it leaves for the observers.
struct JobRun {
    let transaction: QueueTransaction
    let now: Date
    /// Names the services in outbox records.
    let catalogue: Catalogue
    private(set) var written: [StoredEvent] = []
    private(set) var tickets: [String: Ticket] = [:]
    /// Set once a job of the group wrote something (the health probe included): if the group
    /// commits, writes work.
    var wrote = false

    init(transaction: QueueTransaction, now: Date, catalogue: Catalogue) {
        self.transaction = transaction
        self.now = now
        self.catalogue = catalogue
    }

    /// Writes `changes`, and the outbox records they call for, and keeps what was written for
    /// the observers.
    mutating func write(_ changes: QueueChanges) throws {
        let events = try transaction.write(changes)
        try transaction.enqueue(
            OutboxFeed.messages(for: changes, in: transaction, catalogue: catalogue)
                + MessageFeed.messages(for: changes, in: transaction, catalogue: catalogue), at: now)
        if !changes.isEmpty { wrote = true }
        written += events
        tickets.merge(changes.tickets) { _, new in new }
    }

    /// Forgets what this job wrote: its savepoint was rolled back.
    mutating func discard(since mark: (events: Int, tickets: [String: Ticket])) {
        written.removeLast(written.count - mark.events)
        tickets = mark.tickets
    }

    var mark: (events: Int, tickets: [String: Ticket]) { (written.count, tickets) }
}

/// What the commit thread changes: the hall's queue as applied. (Idempotency keys live only in
/// the database: a retry is rare, and the keys of a busy day cost memory.)
struct HallState: Sendable {
    var queue: HallQueue
    /// A group may have changed `queue` and not yet committed (or its failure could not be
    /// undone by a rebuild): until it is false again, reads must not look at `queue`.
    var pending = false
}
