import Foundation
import Logging
import OneWindowCore
import OneWindowStorage
import Synchronization

/// Runs the hall queue: one thread applies commands in arrival order and commits them in
/// groups (group commit), and nobody is answered before the commit that holds their change.
///
/// Durable and fast: SQLite runs with synchronous=FULL, and every command that arrives while
/// one transaction is being written goes into the next one, so one fsync serves many kiosks.
/// Each command writes in its own savepoint, so one whose write fails fails alone. Reads
/// (`read`) see the queue as applied, which may include a group whose commit is in progress;
/// no acknowledgement is ever sent for it before the commit.
///
/// Memory never runs ahead of the disk: after a failed write the queue is rebuilt from the
/// database, and while it cannot be, every write is refused (`QueueFailure.unavailable`).
public final class QueueService: Sendable {
    public typealias Clock = @Sendable () -> Date

    let storage: Storage
    let logger: Logger
    let clock: Clock
    let state: Mutex<HallState>
    let inbox: CommitInbox
    /// Where committed events go, in order: the display boards first.
    let observers: [any CommitObserver]
    /// The display boards' event hub.
    public let hub: EventHub
    /// Hall-local closing time (hour, minute): open tickets expire then.
    let closingTime: (hour: Int, minute: Int)?
    let health = Mutex(CommitHealth())
    /// The end of the hall day the queue is on, in milliseconds since 1970, for `read`.
    let dayEnd = Atomic<Int64>(.max)
    let finished = DispatchSemaphore(value: 0)
    /// Called on every turn of the commit loop (systemd's watchdog).
    let heartbeat: (@Sendable () -> Void)?

    /// Loads today's queue from the database, expiring what earlier days left open.
    public init(
        catalogue: Catalogue, storage: Storage, logger: Logger, callsBeforeNoShow: Int = 3,
        noShowAfter: TimeInterval = 90, closingTime: (hour: Int, minute: Int)? = nil, hub: EventHub = EventHub(),
        observers: [any CommitObserver] = [], inboxCapacity: Int = 10_000, heartbeat: (@Sendable () -> Void)? = nil,
        clock: @escaping Clock = { Date() }
    ) throws {
        let now = clock()
        let today = HallCalendar(timeZone: catalogue.hall.timeZone).day(of: now)
        let stored = try storage.loadQueue(day: today)
        // The day never goes back: a clock behind the last stored day keeps that day.
        let latest = max(stored.tickets.map(\.hallDay).max() ?? today, today)
        var queue = HallQueue(
            catalogue: catalogue, day: latest, tickets: stored.tickets, windows: stored.windows,
            callsBeforeNoShow: callsBeforeNoShow, noShowAfter: noShowAfter, cases: stored.cases,
            evaluated: stored.evaluations)
        queue.rollOver(to: now)
        let changes = queue.takeChanges()
        try storage.transaction { transaction in
            var run = JobRun(transaction: transaction, now: now, catalogue: catalogue)
            try run.write(changes)
            // Days the daemon slept through (their expirations just written) into the rollups.
            try transaction.rollUpMetrics(before: queue.day) { logger.notice("\($0)") }
        }
        hub.advance(to: try storage.lastQueueEventId())
        self.hub = hub
        self.observers = [hub] + observers
        self.storage = storage
        self.logger = logger
        self.clock = clock
        self.closingTime = closingTime
        self.inbox = CommitInbox(capacity: inboxCapacity)
        self.heartbeat = heartbeat
        self.state = Mutex(HallState(queue: queue))
        log(changes.warnings)
        publishDayEnd(of: queue)
        let thread = Thread { [self] in self.run() }
        thread.name = "onewindow-queue"
        thread.start()
    }

    /// Reads the queue as it stands. After midnight the day is rolled over first, so a read
    /// never shows yesterday's open tickets as waiting.
    public func read<T>(_ body: (HallQueue) -> T) -> T {
        if Int64(clock().timeIntervalSince1970 * 1000) >= dayEnd.load(ordering: .relaxed) { rollOverAndWait() }
        return state.withLock { body($0.queue) }
    }

    /// Applies `command` in turn and answers after its group has committed. A refused command
    /// (`QueueError`) changes nothing and is answered after the commit too. What `lookup` names
    /// and the queue does not hold in memory (a case closed long ago, an evaluation) is read
    /// from the database in the job's own transaction and handed to the command.
    public func submit<T: Sendable>(
        lookup: StoredLookup = StoredLookup(),
        _ command: @escaping @Sendable (inout HallQueue, Date, StoredFound) throws(QueueError) -> T,
        completion: @escaping @Sendable (Result<T, QueueFailure>) -> Void
    ) {
        enqueue(
            CommitJob(
                run: { [self] run in
                    let found = try find(lookup, run)
                    let result = apply(
                        { queue, now throws(QueueError) in try command(&queue, now, found) }, at: run.now)
                    try run.write(result.changes)
                    return { committed in completion(committed ? result.value : .failure(.storage)) }
                },
                reject: { completion(.failure($0)) }))
    }

    /// Reads what `lookup` names and memory does not hold.
    func find(_ lookup: StoredLookup, _ run: JobRun) throws -> StoredFound {
        var found = StoredFound()
        if let id = lookup.caseId, state.withLock({ $0.queue.cases[id] }) == nil {
            found.caseRecord = try run.transaction.caseRecord(id: id)
        }
        if let id = lookup.evaluationId { found.evaluation = try run.transaction.evaluation(id: id) }
        return found
    }

    /// Takes a reloaded catalogue (SIGHUP) without losing the queue.
    public func replaceCatalogue(_ catalogue: Catalogue) {
        state.withLock { $0.queue.replaceCatalogue(catalogue) }
    }

    /// Applies a command to the queue under its lock and takes what it changed.
    func apply<T>(_ command: (inout HallQueue, Date) throws(QueueError) -> T, at now: Date)
        -> (value: Result<T, QueueFailure>, changes: QueueChanges)
    {
        state.withLock { state in
            let value: Result<T, QueueFailure>
            do throws(QueueError) {
                value = .success(try command(&state.queue, now))
            } catch {
                value = .failure(.refused(error))
            }
            return (value, state.queue.takeChanges())
        }
    }

    func enqueue(_ job: CommitJob) {
        do throws(CommitInbox.Refusal) {
            try inbox.put(job)
        } catch {
            job.reject(error == .full ? .busy : .stopping)
        }
    }

    /// Rolls the day over through the commit thread and waits (briefly) for it.
    private func rollOverAndWait() {
        let done = DispatchSemaphore(value: 0)
        enqueue(CommitJob(run: { _ in { _ in done.signal() } }, reject: { _ in done.signal() }))
        _ = done.wait(timeout: .now() + 2)
    }

    func publishDayEnd(of queue: HallQueue) {
        let end = queue.dayEnd.map { Int64($0.timeIntervalSince1970 * 1000) } ?? .max
        dayEnd.store(end, ordering: .relaxed)
    }

    func log(_ warnings: [QueueWarning]) {
        for warning in warnings {
            switch warning {
            case .clockSteppedBack(let day, let clockDay, let at):
                logger.warning(
                    "the clock went back to \(clockDay) (\(Timestamp.iso8601(at))); the hall day stays \(day) and numbers continue"
                )
            }
        }
    }
}

/// What a command needs read from the database when memory does not hold it.
public struct StoredLookup: Sendable {
    public var caseId: String?
    public var evaluationId: String?

    public init(caseId: String? = nil, evaluationId: String? = nil) {
        self.caseId = caseId
        self.evaluationId = evaluationId
    }
}

/// What was read for a `StoredLookup`.
public struct StoredFound: Sendable {
    public var caseRecord: CaseRecord?
    public var evaluation: Evaluation?
}

/// Why a submitted command did not succeed.
public enum QueueFailure: Error, Sendable, Equatable {
    /// The queue refused the command (illegal transition, unknown ticket …).
    case refused(QueueError)
    /// The database could not commit; nothing changed.
    case storage
    /// The database disk is full; nothing changed.
    case full
    /// The queue could not be rebuilt from the database after a failed write: writes are
    /// refused until it can be.
    case unavailable
    /// Too many commands are waiting for the commit thread.
    case busy
    /// The daemon is stopping.
    case stopping
    /// The Idempotency-Key was used before with another request, or more than 24 hours ago.
    case keyReused(String)
}
