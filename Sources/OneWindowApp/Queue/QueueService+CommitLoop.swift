import Foundation
import OneWindowCore
import OneWindowStorage

extension QueueService {
    /// How long the commit thread waits before retrying what failed: a closing, a rebuild.
    static let retryInterval: TimeInterval = 1

    /// The commit thread: takes what arrived, commits it as one group, answers, tells the
    /// observers; wakes by itself for the closing time and midnight. Ends once stopped and
    /// drained.
    ///
    /// It never sleeps more than a second: the hall's clock may jump (an NTP step, a test),
    /// and a closing must not wait for the next request to be noticed. A failed group is
    /// retried after `retryInterval` of real time.
    func run() {
        var closing = nextClosing(after: clock())
        var retryAt: Date?
        while let jobs = inbox.takeAll(until: wakeTime(retryAt)) {
            heartbeat?()
            let now = clock()
            let closeDue = closing.map { now >= $0 } ?? false
            let backingOff = retryAt.map { Date() < $0 } ?? false
            let dayDue = Int64(now.timeIntervalSince1970 * 1000) >= dayEnd.load(ordering: .relaxed)
            let degraded = health.withLock { $0.degraded }
            if jobs.isEmpty, backingOff || !(closeDue || dayDue || degraded) { continue }
            guard restoreIfDegraded(now: now) else {
                for job in jobs { job.reject(.unavailable) }
                retryAt = Date().addingTimeInterval(Self.retryInterval)
                continue
            }
            if commitGroup(jobs, now: now, closeNow: closeDue) {
                if closeDue { closing = nextClosing(after: now) }
                retryAt = nil
            } else {
                retryAt = Date().addingTimeInterval(Self.retryInterval)
            }
            // Between groups, after the answers: past its bound the log is emptied here, where no
            // writer can be in the way (`Storage.truncateLog`); a stat of the file otherwise.
            storage.truncateLog(ifPast: Checkpointer.defaultWALLimit)
        }
        finished.signal()
    }

    /// What one attempt at a group left: the answers, in the jobs' order, and what it wrote.
    private struct GroupOutcome {
        var answers: [CommitJob.Answer]
        var run: JobRun
        /// Jobs whose write failed and was undone alone (only when jobs are isolated).
        var failedJobs = 0
    }

    /// Commits `jobs` (after the day's own work) in one transaction, then answers them.
    /// Returns whether the group committed.
    ///
    /// First all of them together, with no savepoints: the usual case, where nothing fails, costs
    /// no more than one transaction. If anything fails, nothing of it is on disk: the queue is
    /// rebuilt from the database and the group runs again with each job in its own savepoint, so
    /// that a job whose write fails fails alone and the others commit.
    private func commitGroup(_ jobs: [CommitJob], now: Date, closeNow: Bool) -> Bool {
        var outcome: GroupOutcome?
        var groupError: (any Error)?
        var onDisk = true
        do {
            outcome = try attempt(jobs, now: now, closeNow: closeNow, isolated: false)
        } catch {
            do {
                try rebuild(now: now) { try storage.loadQueue(day: $0) }
                outcome = try attempt(jobs, now: now, closeNow: closeNow, isolated: true)
            } catch {
                groupError = error
                noteWriteFailure(error)
                logger.error("queue commit failed; rebuilding the queue from the database: \(error)")
                do {
                    try rebuild(now: now) { try storage.loadQueue(day: $0) }
                } catch {
                    onDisk = false
                    health.withLock { $0.degraded = true }
                    logger.critical(
                        "cannot rebuild the queue from the database; writes are refused until it can: \(error)")
                }
            }
        }
        // Before the observers and the answers: whoever got a 201 and then reads sees it. A
        // queue that could not be rebuilt stays unpublished: reads wait, then read the database.
        if onDisk { publishCommitted() }
        // Before the answers, so a health probe in this group reports what the group proved.
        if let outcome, outcome.run.wrote, outcome.failedJobs == 0 { health.withLock { $0.writeFailure = nil } }
        // The observers hear of the group before anyone is answered: whoever got a 201 and then
        // reads the metrics or watches a board sees their change (they take microseconds).
        if let run = outcome?.run, !run.written.isEmpty {
            let catalogue = state.withLock { $0.queue.catalogue }
            let group = CommittedGroup(
                events: run.written, tickets: run.tickets, catalogue: catalogue, jobs: jobs.count,
                failedJobs: outcome?.failedJobs ?? 0)
            for observer in observers { observer.committed(group) }
        }
        if let outcome {
            for answer in outcome.answers { answer(true) }
        } else {
            let failure: QueueFailure = groupError.map { Storage.isDiskFull($0) ? .full : .storage } ?? .storage
            for job in jobs { job.reject(failure) }
        }
        state.withLock { publishDayEnd(of: $0.queue) }
        return outcome != nil
    }

    /// Runs the day's work and `jobs` in one transaction; throws when it cannot commit. With
    /// `isolated`, each job writes in its own savepoint, and one whose write fails is undone
    /// alone (its answer a 503) while the queue is rebuilt from what the transaction holds.
    private func attempt(_ jobs: [CommitJob], now: Date, closeNow: Bool, isolated: Bool) throws -> GroupOutcome {
        try storage.transaction { transaction in
            let catalogue = state.withLock { $0.queue.catalogue }
            var outcome = GroupOutcome(
                answers: [], run: JobRun(transaction: transaction, now: now, catalogue: catalogue))
            try dayWork(&outcome.run, closeNow: closeNow)
            for job in jobs {
                guard isolated else {
                    outcome.answers.append(try job.run(&outcome.run))
                    continue
                }
                let mark = outcome.run.mark
                do {
                    outcome.answers.append(try transaction.job { try job.run(&outcome.run) })
                } catch {
                    outcome.run.discard(since: mark)
                    let failure = Storage.isDiskFull(error) ? QueueFailure.full : .storage
                    outcome.answers.append { _ in job.reject(failure) }
                    noteWriteFailure(error)
                    outcome.failedJobs += 1
                    // SQLite may have ended the whole transaction (full disk, I/O error).
                    guard transaction.isOpen else { throw error }
                    try rebuild(now: now) { try transaction.loadQueue(day: $0) }
                }
            }
            return outcome
        }
    }

    /// The day's own work at the start of each group: roll over at midnight, close at the
    /// closing time, and on a new day forget keys past their memory and store the old day's
    /// metrics rollup.
    private func dayWork(_ run: inout JobRun, closeNow: Bool) throws {
        let now = run.now
        // Reads that waited for the last commit go first; none can while the queue is not on
        // disk (the retry of a failed group), so none is waited for then.
        if !state.withLock({ $0.pending }) { reads.letWaitingReadsIn(limit: Self.readTurn) }
        let (changes, day, newDay) = state.withLock { state in
            // From here until `publishCommitted`, the applied queue may run ahead of the disk.
            state.pending = true
            let day = state.queue.day
            var changes = state.queue.apply(.rollOver, by: "system", at: now).changes
            if closeNow { changes.merge(state.queue.apply(.closeDay, by: "system", at: now).changes) }
            return (changes, state.queue.day, state.queue.day != day)
        }
        log(changes.warnings)
        try run.write(changes)
        if newDay {
            try run.transaction.forgetKeys(before: now.addingTimeInterval(-Self.keyMemory))
            // The old day's figures, its expirations included, go into the rollups with them.
            try run.transaction.rollUpMetrics(before: day)
        }
    }

    /// How long a used idempotency key is remembered on disk, so a late reuse is refused
    /// (422) instead of issuing a second ticket.
    static let keyMemory: TimeInterval = 90 * 86_400

    /// Rebuilds the applied queue from what `load` reads (the open transaction after one job
    /// failed, the database after a whole group failed). Only the commit thread's caller knows
    /// whether that is on disk, and publishes it for reads if so.
    func rebuild(now: Date, _ load: (String) throws -> StoredQueue) throws {
        let day = state.withLock { $0.queue.day }
        let stored = try load(day)
        state.withLock { $0.queue = HallQueue(stored: stored, QueueSettings($0.queue)) }
    }

    /// While degraded, tries to rebuild from the database; true once the queue is whole.
    private func restoreIfDegraded(now: Date) -> Bool {
        guard health.withLock({ $0.degraded }) else { return true }
        do {
            try rebuild(now: now) { try storage.loadQueue(day: $0) }
            publishCommitted()
            health.withLock { $0.degraded = false }
            logger.notice("the queue was rebuilt from the database; writes are accepted again")
            return true
        } catch {
            return false
        }
    }

    private func noteWriteFailure(_ error: any Error) {
        health.withLock { $0.writeFailure = Storage.isDiskFull(error) ? "the database disk is full" : "\(error)" }
    }

    /// When the commit thread must look again without work: within a second, or at the retry.
    private func wakeTime(_ retryAt: Date?) -> Date {
        min(retryAt ?? .distantFuture, Date().addingTimeInterval(1))
    }
}
