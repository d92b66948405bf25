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
/// Each command writes in its own savepoint, so one whose write fails fails alone.
///
/// Commands read and change the queue as applied (`state`), on the commit thread; it runs
/// ahead of the disk from a group's first command to its commit. Every read (`read`: the API's
/// GETs, pages, a board's first state, `/manage`, Prometheus) answers from the queue as the last
/// commit left it: in place between groups, and after the commit while one is in progress
/// (`ReadGate`, `QueueService+Read`), so that no read shows a call or a number that a crash or
/// a failed commit would take back. Answers to commands are made from the applied queue but
/// sent only after their group's commit.
///
/// Memory never runs ahead of the disk: after a failed write the queue is rebuilt from the
/// database, and while it cannot be, every write is refused (`QueueFailure.unavailable`).
public final class QueueService: Sendable {
    public typealias Clock = @Sendable () -> Date

    let storage: Storage
    let logger: Logger
    let clock: Clock
    /// The applied queue: commands (on the commit thread), and reads while it is on disk.
    let state: Mutex<HallState>
    /// Where reads wait while a group's commit is in progress.
    let reads = ReadGate()
    /// How long a read waits for a group's commit before it reads the database (`read`).
    let readWait: TimeInterval
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
    /// Wrong evaluation codes per ticket and per kiosk, counted on the commit thread.
    let codeAttempts: EvaluationCodeAttempts

    /// Loads today's queue from the database, expiring what earlier days left open.
    public init(
        catalogue: Catalogue, storage: Storage, logger: Logger, callsBeforeNoShow: Int = 3,
        noShowAfter: TimeInterval = 90, closingTime: (hour: Int, minute: Int)? = nil, hub: EventHub = EventHub(),
        observers: [any CommitObserver] = [], inboxCapacity: Int = 10_000, readWait: TimeInterval = defaultReadWait,
        heartbeat: (@Sendable () -> Void)? = nil,
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
            evaluated: stored.evaluations, bookings: stored.bookings,
            remoteTickets: stored.remoteTickets)
        let changes = queue.apply(.rollOver, by: "system", at: now).changes
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
        self.readWait = readWait
        self.heartbeat = heartbeat
        self.codeAttempts = EvaluationCodeAttempts(clock: clock)
        self.state = Mutex(HallState(queue: queue))
        log(changes.warnings)
        publishDayEnd(of: queue)
        let thread = Thread { [self] in self.run() }
        thread.name = "onewindow-queue"
        thread.start()
    }

    /// Runs `command` in turn through the group commit and answers after its group has
    /// committed: with `Answer`, made from the command's outcome and the queue as the command
    /// left it. A refused command (`QueueError`) changes nothing and is answered after the
    /// commit too. What the command names and the queue does not hold in memory (a case closed
    /// long ago, an evaluation) is read from the database in the job's own transaction.
    ///
    /// With `claim`, an issue honours the kiosk's idempotency key (`QueueService+Issue`).
    func execute<Answer: CommandAnswer & Sendable>(
        _ command: QueueCommand, by actor: String, claim: IdempotencyClaim? = nil, answer: Answer.Type = Answer.self,
        completion: @escaping @Sendable (Result<Answer, QueueFailure>) -> Void
    ) {
        enqueue(
            CommitJob(
                run: { [self] run in
                    let result: Result<Answer, QueueFailure>
                    if let claim, case .issue(let order) = command {
                        result = try issue(order, by: actor, claim: claim, &run)
                    } else {
                        let applied: (Result<Answer, QueueFailure>, QueueChanges) = apply(
                            command, by: actor, stored: try find(command, run), at: run.now)
                        try run.write(applied.1)
                        result = applied.0
                    }
                    return { committed in completion(committed ? result : .failure(.storage)) }
                },
                reject: { completion(.failure($0)) }))
    }

    /// Reads what `command` names and memory does not hold. On the commit thread, from the
    /// applied queue: a command must see the ones before it in its group.
    func find(_ command: QueueCommand, _ run: JobRun) throws -> StoredRecords {
        var found = StoredRecords()
        if let id = command.storedCaseId ?? bookedCaseId(command), state.withLock({ $0.queue.cases[id] }) == nil {
            found.caseRecord = try run.transaction.caseRecord(id: id)
        }
        if let id = command.storedEvaluationId { found.evaluation = try run.transaction.evaluation(id: id) }
        if case .moveToReplacements = command {
            let catalogue = state.withLock { $0.queue.catalogue }
            let renamed = catalogue.services.flatMap { $0.replaces ?? [] }.filter { catalogue.service(id: $0) == nil }
            found.openCases = try run.transaction.openCases(services: renamed)
        }
        return found
    }

    /// The case a checked-in booking continues: named by the booking, which memory holds.
    private func bookedCaseId(_ command: QueueCommand) -> String? {
        guard case .checkIn(let order) = command else { return nil }
        return state.withLock { state in
            let ledger = state.queue.bookings
            return (ledger?.booking(code: order.code) ?? ledger?.booking(code: order.code.uppercased()))?.caseId
        }
    }

    /// Applies a command to the applied queue under its lock, makes its answer there (reading the queue
    /// again on the answering worker took the lock a second time, against the commit thread: 8 %
    /// more CPU per ticket, bench/hot-paths.sh) and returns what it changed.
    func apply<Answer: CommandAnswer & Sendable>(
        _ command: QueueCommand, by actor: String, stored: StoredRecords = StoredRecords(), at now: Date
    ) -> (Result<Answer, QueueFailure>, QueueChanges) {
        state.withLock { state in
            let kiosk = kioskRatingKey(command, in: state.queue)
            if let kiosk, let wait = codeAttempts.lockedFor(ticket: kiosk, device: actor) {
                return (.failure(.refused(.evaluationCodeLocked(seconds: wait))), QueueChanges())
            }
            let applied = state.queue.apply(command, by: actor, at: now, stored: stored)
            if let kiosk { countWrongCode(applied.outcome, ticket: kiosk, device: actor) }
            let answer = applied.outcome.map { Answer($0, of: command, in: state.queue, at: now) }
            return (answer.mapError(QueueFailure.refused), applied.changes)
        }
    }

    /// Takes a reloaded catalogue (SIGHUP) without losing the queue (no queue change: nothing
    /// to commit, and reads see it at once).
    public func replaceCatalogue(_ catalogue: Catalogue) {
        state.withLock { $0.queue.replaceCatalogue(catalogue) }
    }

    func enqueue(_ job: CommitJob) {
        do throws(CommitInbox.Refusal) {
            try inbox.put(job)
        } catch {
            job.reject(error == .full ? .busy : .stopping)
        }
    }

    /// Rolls the day over through the commit thread and waits (briefly) for it.
    func rollOverAndWait() {
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
