import Foundation
import OneWindowStorage

extension QueueService {
    /// Writes outbox messages that no queue change carries (a verification code, a reminder)
    /// through the group commit: one writer, and one fsync for many. `completion` hears once
    /// they are on disk. A message whose key exists already is written once only.
    func enqueueMessages(
        _ messages: [OutboxMessage], completion: @escaping @Sendable (Result<Void, QueueFailure>) -> Void
    ) {
        enqueue(
            CommitJob(
                run: { run in
                    try run.transaction.enqueue(messages, at: run.now)
                    run.wrote = true
                    return { committed in completion(committed ? .success(()) : .failure(.storage)) }
                },
                reject: { completion(.failure($0)) }))
    }
}
