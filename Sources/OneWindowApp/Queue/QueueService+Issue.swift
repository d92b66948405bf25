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
    /// A replayed ticket gets a new evaluation code (`renewEvaluationCode`: the first answer's
    /// never reached the kiosk, or it would not have asked again), written like any other
    /// change; its answer is made as the issue's would be.
    func issue<Answer: CommandAnswer & Sendable>(
        _ order: TicketOrder, by actor: String, claim: IdempotencyClaim, _ run: inout JobRun
    ) throws -> Result<Answer, QueueFailure> {
        let command = QueueCommand.issue(order)
        let record = IdempotencyRecord(
            device: claim.device, key: claim.key, fingerprint: claim.fingerprint, ticketId: order.id,
            createdAt: run.now)
        if let held = try run.transaction.claim(record) {
            let ticket: Ticket
            switch try replay(held, of: record, run) {
            case .success(let found): ticket = found
            case .failure(let failure): return .failure(failure)
            }
            let now = run.now
            let (answer, changes) = state.withLock { state in
                var renewed = ticket
                var changes = QueueChanges()
                if let code = order.code {
                    let applied = state.queue.apply(
                        .renewEvaluationCode(ticket: ticket.id, code: code), by: actor, at: now)
                    if case .success(.ticket(let ticket)) = applied.outcome { renewed = ticket }
                    changes = applied.changes
                }
                return (Answer(.ticket(renewed), of: command, in: state.queue, at: now), changes)
            }
            try run.write(changes)
            return .success(answer)
        }
        let (answer, changes): (Result<Answer, QueueFailure>, QueueChanges) = apply(
            command, by: actor, stored: try find(command, run), at: run.now)
        if case .failure = answer { try run.transaction.unclaim(record) }
        try run.write(changes)
        return answer
    }

    /// The answer to a key already held: its ticket as it stands (in the applied queue, which
    /// holds an issue earlier in this group), or why it cannot be.
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
