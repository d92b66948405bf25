import Foundation
import OneWindowCore
import OneWindowStorage

extension QueueService {
    /// Issues a ticket, honouring the kiosk's idempotency key: the same device and key with
    /// the same request within 24 hours answer the ticket issued first, unchanged; with another
    /// request, or later, `QueueFailure.keyReused`.
    ///
    /// The key is claimed in the job's savepoint, by the same transaction that writes the
    /// ticket, so a key is never on disk without its ticket, nor a ticket without its key.
    ///
    /// The completion gets what `present` made of the ticket (its view, with its place in the
    /// queue), made on the commit thread under the lock it already holds for the command.
    /// Making it on the answering worker instead took the queue's lock a second time, against
    /// the commit thread: 8 % more CPU per ticket (bench/hot-paths.sh, 5 rounds).
    ///
    /// `refresh` changes a replayed ticket before it is presented (a new evaluation code: the
    /// first answer's never reached the kiosk, or it would not have asked again); its change is
    /// written like any other.
    public func issue<Answer: Sendable>(
        claim: IdempotencyClaim?, ticketId: String, lookup: StoredLookup = StoredLookup(),
        command: @escaping @Sendable (inout HallQueue, Date, StoredFound) throws(QueueError) -> Ticket,
        refresh: (@Sendable (inout HallQueue, Ticket) -> Ticket)? = nil,
        present: @escaping @Sendable (Ticket, HallQueue) -> Answer,
        completion: @escaping @Sendable (Result<Answer, QueueFailure>) -> Void
    ) {
        enqueue(
            CommitJob(
                run: { [self] run in
                    let record = claim.map {
                        IdempotencyRecord(
                            device: $0.device, key: $0.key, fingerprint: $0.fingerprint, ticketId: ticketId,
                            createdAt: run.now)
                    }
                    if let record, let held = try run.transaction.claim(record) {
                        let replayed = try replay(held, of: record, run)
                        guard case .success(let ticket) = replayed, let refresh else {
                            let answer = replayed.map { ticket in state.withLock { present(ticket, $0.queue) } }
                            return { committed in completion(committed ? answer : .failure(.storage)) }
                        }
                        let result = apply(
                            { queue, _ throws(QueueError) in present(refresh(&queue, ticket), queue) }, at: run.now)
                        try run.write(result.changes)
                        return { committed in completion(committed ? result.value : .failure(.storage)) }
                    }
                    let found = try find(lookup, run)
                    let result = apply(
                        { queue, now throws(QueueError) in present(try command(&queue, now, found), queue) },
                        at: run.now)
                    if let record {
                        if case .failure = result.value { try run.transaction.unclaim(record) }
                    }
                    try run.write(result.changes)
                    return { committed in completion(committed ? result.value : .failure(.storage)) }
                },
                reject: { completion(.failure($0)) }))
    }

    /// The answer to a key already held: its ticket as it stands, or why it cannot be.
    private func replay(_ held: IdempotencyRecord, of record: IdempotencyRecord, _ run: JobRun) throws
        -> Result<Ticket, QueueFailure>
    {
        guard held.fingerprint.isEmpty || held.fingerprint == record.fingerprint else {
            return .failure(
                .keyReused("this Idempotency-Key was used for another request; send a new key for a new ticket"))
        }
        guard run.now.timeIntervalSince(held.createdAt) < IdempotencyClaim.replayWindow else {
            return .failure(
                .keyReused(
                    "this Idempotency-Key was used more than 24 hours ago; send a new key for a new ticket"))
        }
        let live = state.withLock { $0.queue.tickets[held.ticketId] }
        guard let ticket = try live ?? run.transaction.ticket(id: held.ticketId) else {
            return .failure(.keyReused("the ticket this Idempotency-Key was used for no longer exists"))
        }
        return .success(ticket)
    }
}
