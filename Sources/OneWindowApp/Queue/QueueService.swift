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
/// Reads (`read`) see the queue as applied, which may include a group whose commit is still
/// in progress; no acknowledgement is ever sent for it before the commit.
public final class QueueService: Sendable {
    public typealias Clock = @Sendable () -> Date

    private let storage: Storage
    private let logger: Logger
    private let clock: Clock
    private let state: Mutex<HallQueue>
    private let inbox = Inbox()
    /// Where committed events go: the display boards.
    public let hub: EventHub
    /// Hall-local closing time (hour, minute): open tickets expire then.
    private let closingTime: (hour: Int, minute: Int)?

    /// Loads today's queue from the database, expiring what earlier days left open.
    public init(
        catalogue: Catalogue, storage: Storage, logger: Logger, callsBeforeNoShow: Int = 3,
        closingTime: (hour: Int, minute: Int)? = nil, hub: EventHub = EventHub(), clock: @escaping Clock = { Date() }
    ) throws {
        let now = clock()
        let today = HallCalendar(timeZone: catalogue.hall.timeZone).day(of: now)
        let stored = try storage.loadQueue(day: today)
        let latest = stored.tickets.map(\.hallDay).max() ?? today
        var queue = HallQueue(
            catalogue: catalogue, day: min(latest, today), tickets: stored.tickets, windows: stored.windows,
            callsBeforeNoShow: callsBeforeNoShow)
        queue.rollOver(to: now)
        try storage.write(queue.takeChanges())
        hub.advance(to: try storage.lastQueueEventId())
        self.hub = hub
        self.storage = storage
        self.logger = logger
        self.clock = clock
        self.closingTime = closingTime
        self.state = Mutex(queue)
        let thread = Thread { [self] in self.run() }
        thread.name = "onewindow-queue"
        thread.start()
    }

    /// Reads the queue as it stands.
    public func read<T>(_ body: (HallQueue) -> T) -> T {
        state.withLock { body($0) }
    }

    /// Applies `command` in turn and answers after its group has committed. A refused command
    /// (`QueueError`) is answered after the commit too, since it may have rolled the day over.
    public func submit<T: Sendable>(
        _ command: @escaping @Sendable (inout HallQueue, Date) throws(QueueError) -> T,
        completion: @escaping @Sendable (Result<T, QueueFailure>) -> Void
    ) {
        inbox.put(
            Job { queue, now in
                let result: Result<T, QueueFailure>
                do throws(QueueError) {
                    result = .success(try command(&queue, now))
                } catch {
                    result = .failure(.refused(error))
                }
                return { committed in completion(committed ? result : .failure(.storage)) }
            })
    }

    /// Takes a reloaded catalogue (SIGHUP) without losing the queue.
    public func replaceCatalogue(_ catalogue: Catalogue) {
        state.withLock { $0.replaceCatalogue(catalogue) }
    }

    /// Stops the commit thread after the jobs already submitted.
    public func stop() {
        inbox.close()
    }

    private func run() {
        var closing = nextClosing()
        // The wait is in real time; the hall's clock may be another (tests move it), so wait
        // for as long as the hall's clock has left until closing.
        while let jobs = inbox.takeAll(until: closing.map { Date() + $0.timeIntervalSince(clock()) }) {
            let now = clock()
            // The closing time is computed once per day, not per group: calendars are not cheap.
            var closeNow = false
            if let due = closing, now >= due {
                closeNow = true
                closing = nextClosing()
            }
            var finish: [(Bool) -> Void] = []
            let changes = state.withLock { queue -> QueueChanges in
                if closeNow { queue.closeDay(actor: "system", at: now) }
                for job in jobs { finish.append(job.apply(&queue, now)) }
                return queue.takeChanges()
            }
            var committed = true
            do {
                let written = try storage.write(changes)
                if hub.boardCount > 0 {
                    hub.publish(state.withLock { BoardEvent.events(written, in: $0) })
                } else if let last = written.last {
                    hub.advance(to: last.id)
                }
            } catch {
                committed = false
                logger.error("queue commit failed; reloading the queue from the database: \(error)")
                reloadFromStorage()
            }
            for answer in finish { answer(committed) }
        }
    }

    /// The next closing instant after now, if a closing time is configured.
    private func nextClosing() -> Date? {
        guard let closingTime else { return nil }
        let now = clock()
        let calendar = state.withLock { HallCalendar(timeZone: $0.catalogue.hall.timeZone) }
        let today = calendar.instant(onDayOf: now, hour: closingTime.hour, minute: closingTime.minute)
        return today > now
            ? today : calendar.instant(onDayOf: now + 86_400, hour: closingTime.hour, minute: closingTime.minute)
    }

    /// After a failed commit the database is the truth: rebuild the queue from it.
    private func reloadFromStorage() {
        state.withLock { queue in
            guard let stored = try? storage.loadQueue(day: queue.day) else { return }
            queue = HallQueue(
                catalogue: queue.catalogue, day: queue.day, tickets: stored.tickets, windows: stored.windows,
                callsBeforeNoShow: queue.callsBeforeNoShow)
        }
    }
}

/// Why a submitted command did not succeed.
public enum QueueFailure: Error, Sendable {
    /// The queue refused the command (illegal transition, unknown ticket …).
    case refused(QueueError)
    /// The database could not commit; nothing changed.
    case storage
}

/// One submitted command: applies itself, and returns how to answer once the commit is known.
private struct Job: Sendable {
    let apply: @Sendable (inout HallQueue, Date) -> @Sendable (Bool) -> Void
}

/// The commands waiting for the commit thread.
private final class Inbox: @unchecked Sendable {
    // @unchecked: every field is read and written under `condition`.
    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var closed = false

    func put(_ job: Job) {
        condition.withLock {
            jobs.append(job)
            condition.signal()
        }
    }

    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    /// Every waiting job (at least one), or an empty list when `deadline` passes first;
    /// nil once closed and drained.
    func takeAll(until deadline: Date?) -> [Job]? {
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
