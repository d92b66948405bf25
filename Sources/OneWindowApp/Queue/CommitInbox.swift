import Foundation

/// The jobs waiting for the commit thread: bounded, so a flood is refused at the door instead
/// of growing memory and every client's wait without limit.
final class CommitInbox: @unchecked Sendable {
    // @unchecked: every field is read and written under `condition`.
    private let condition = NSCondition()
    private var jobs: [CommitJob] = []
    private var closed = false
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    enum Refusal: Error {
        /// The inbox holds `capacity` jobs.
        case full
        /// The service is stopping.
        case closed
    }

    func put(_ job: CommitJob) throws(Refusal) {
        let refusal: Refusal? = condition.withLock {
            if closed { return .closed }
            if jobs.count >= capacity { return .full }
            jobs.append(job)
            condition.signal()
            return nil
        }
        if let refusal { throw refusal }
    }

    /// How many jobs wait now (tests hold the commit thread until theirs are all in).
    var waiting: Int { condition.withLock { jobs.count } }

    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    /// Every waiting job (at least one), or an empty list when `deadline` passes first;
    /// nil once closed and drained. (Waiting a little longer to gather larger groups was tried:
    /// it gave no more tickets a second, only latency.)
    func takeAll(until deadline: Date?) -> [CommitJob]? {
        condition.withLock {
            while jobs.isEmpty, !closed {
                if let deadline {
                    if !condition.wait(until: deadline) { return [] }
                } else {
                    condition.wait()
                }
            }
            if jobs.isEmpty { return nil }
            defer { jobs = [] }
            return jobs
        }
    }
}
