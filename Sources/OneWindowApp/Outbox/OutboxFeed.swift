import Foundation
import OneWindowCore
import OneWindowStorage

/// Which committed changes become outbox records, derived in the transaction that writes them:
/// every evaluation, every step of a bad review's follow-up, every case that closes.
///
/// Read back through the transaction (its own writes included), so a record carries the
/// visit as the change left it. Only these events cost anything here: tickets taken, called
/// and served write no record and read nothing.
enum OutboxFeed {
    static func messages(for changes: QueueChanges, in transaction: QueueTransaction, catalogue: Catalogue) throws
        -> [OutboxMessage]
    {
        var messages: [OutboxMessage] = []
        for event in changes.events {
            switch event.kind {
            case .evaluated, .rectified, .followedUp:
                guard let id = EventDetail.parse(event.detail).evaluation,
                    let evaluation = try changes.evaluations[id] ?? transaction.evaluation(id: id)
                else { continue }
                let visit = try transaction.visitFacts(ticketId: evaluation.ticketId)
                let record = EvaluationRecord(evaluation, visit: visit, catalogue: catalogue)
                messages.append(OutboxMessage(topic: record.topic, key: id, payload: record.json()))
            case .caseClosed:
                guard let id = event.caseId, let closed = try changes.cases[id] ?? transaction.caseRecord(id: id)
                else { continue }
                let visit = try (event.ticketId ?? closed.ticketIds.last).flatMap {
                    try transaction.visitFacts(ticketId: $0)
                }
                let record = EvaluationRecord(closed: closed, visit: visit, catalogue: catalogue)
                messages.append(OutboxMessage(topic: record.topic, key: id, payload: record.json()))
            default:
                continue
            }
        }
        return messages
    }
}
