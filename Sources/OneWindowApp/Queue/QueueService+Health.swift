import Foundation
import OneWindowStorage

/// Whether the commit path can be trusted right now.
struct CommitHealth: Sendable {
    /// The queue could not be rebuilt from the database after a failed write.
    var degraded = false
    /// Why the last write failed, until a later one succeeds.
    var writeFailure: String?
}

extension QueueService {
    /// What `/healthz` reports of the commit path.
    public struct HealthReport: Sendable {
        public var writable: Bool
        public var problem: String?
    }

    /// Writes a probe through the commit thread (so it waits for nobody's lock and is judged
    /// like every other write) and reports whether writes commit: the probe row is written, the
    /// database can still grow, no later write has failed and the queue is whole.
    public func probe(completion: @escaping @Sendable (HealthReport) -> Void) {
        enqueue(
            CommitJob(
                run: { [self] run in
                    try run.transaction.probe(at: run.now)
                    run.wrote = true
                    return { [self] committed in
                        let health = health.withLock { $0 }
                        let problem = committed ? health.writeFailure : "the probe write did not commit"
                        completion(HealthReport(writable: problem == nil && !health.degraded, problem: problem))
                    }
                },
                reject: { [self] failure in
                    let problem = health.withLock { $0.writeFailure } ?? "\(failure)"
                    completion(HealthReport(writable: false, problem: problem))
                }))
    }

    /// Stops the commit thread after the jobs already submitted, and waits (up to `timeout`)
    /// until every one of them was answered. Jobs submitted later are refused (`stopping`).
    public func stop(timeout: Duration = .seconds(10)) {
        inbox.close()
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) * 1e-18
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            logger.error("the commit thread did not finish within \(timeout)")
        } else {
            finished.signal()  // a second stop returns at once
        }
    }
}
