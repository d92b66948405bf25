import Foundation
import Logging
import OneWindowCore
import OneWindowStorage
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends the hall's event log to the city on a thread of its own, as the outbox sender does:
/// never on the commit path, so the hall never waits for the city.
///
/// At least once, in order: each batch is the events after the cursor (`city_cursor`), and the
/// cursor moves only to what the city answers it holds (`CityAck.held`). A lost answer sends the
/// batch again; the city stores each event once. Events go out as `CityEvent`s: no actor, no
/// window, no free text (see `CityEvent.foldDetail`).
public final class CitySender: Sendable {
    let storage: Storage
    let export: CityExport
    let clock: QueueService.Clock
    let logger: Logger
    let figures: CityFigures
    let stopping = Atomic<Bool>(false)
    let inFlight = Mutex<URLSessionTask?>(nil)
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let started = Atomic<Bool>(false)

    init(
        storage: Storage, export: CityExport, figures: CityFigures, clock: @escaping QueueService.Clock, logger: Logger
    ) {
        self.storage = storage
        self.export = export
        self.figures = figures
        self.clock = clock
        self.logger = logger
    }

    func start() {
        guard !started.exchange(true, ordering: .relaxed) else { return }
        let thread = Thread { [self] in self.run() }
        thread.name = "onewindow-city"
        thread.start()
    }

    /// Stops at once: a batch in flight is cancelled and sent again after the restart.
    func stop() {
        guard started.load(ordering: .relaxed), !stopping.exchange(true, ordering: .relaxed) else { return }
        inFlight.withLock { $0?.cancel() }
        wake.signal()
        _ = finished.wait(timeout: .now() + export.timeoutSeconds + 5)
    }

    private func run() {
        var failures = 0
        var shownAt = Date.distantPast
        while !stopping.load(ordering: .relaxed) {
            var pause = export.pollSeconds
            switch turn() {
            case .sent(let more):
                failures = 0
                pause = more ? 0 : export.pollSeconds
            case .idle:
                failures = 0
            case .failed(let error):
                failures += 1
                figures.attemptFailed()
                try? storage.recordCityFailure(error)
                if failures == 1 || failures % 10 == 0 {
                    logger.warning(
                        "events not delivered to the city; they will be sent again",
                        metadata: ["attempts": "\(failures)", "error": "\(error)"])
                }
                pause = export.backoff.delay(afterAttempt: failures)
            }
            if Date().timeIntervalSince(shownAt) >= 1 || pause > 0 {
                shownAt = Date()
                showBacklog()
            }
            if pause > 0 { rest(pause) }
        }
        finished.signal()
    }

    /// Waits `seconds`, or until stopped, showing the backlog every second meanwhile: after
    /// failures the wait grows to a minute, and Prometheus must not show a minute-old backlog
    /// (nor its oldest age) while the city is out of reach.
    private func rest(_ seconds: TimeInterval) {
        let end = DispatchTime.now() + seconds
        while !stopping.load(ordering: .relaxed) {
            if wake.wait(timeout: min(end, .now() + 1)) == .success || DispatchTime.now() >= end { return }
            showBacklog()
        }
    }

    private func showBacklog() {
        if let backlog = try? storage.cityBacklog() { figures.show(backlog, now: clock()) }
    }

    enum Turn {
        case sent(more: Bool)
        case idle
        case failed(String)
    }

    /// Sends the next batch after the cursor; moves the cursor to the city's answer.
    private func turn() -> Turn {
        let cursor: Int64
        let events: [StoredEvent]
        do {
            cursor = try storage.cityCursor()
            events = try storage.queueEvents(after: cursor, limit: export.batchSize)
        } catch {
            return .failed("cannot read the event log: \(error)")
        }
        guard !events.isEmpty else { return .idle }
        let batch = CityEventBatch(after: cursor, events: events.map { CityEvent(seq: $0.id, $0.event) })
        switch post(batch) {
        case .failure(let error):
            return .failed(error.message)
        case .success(let ack):
            if let refusal = beyondLog(ack, sent: batch) { return .failed(refusal) }
            do {
                try storage.moveCityCursor(to: ack.held, at: clock())
            } catch {
                return .failed("cannot record the city's answer: \(error)")
            }
            figures.recordDelivered(ack.stored)
            // Held less than sent: the city misses events before the batch; send from there.
            return .sent(more: ack.held != cursor)
        }
    }

    /// Why the cursor must not move to `ack`, if the city holds more of this hall than its log
    /// has: the database is not the one the city knows under this id (re-installed, restored
    /// from an older backup, or another hall's token). Moving there would skip this log's
    /// events for ever, unseen; the cursor stays and `/healthz` says so.
    private func beyondLog(_ ack: CityAck, sent batch: CityEventBatch) -> String? {
        guard ack.held > (batch.events.last?.seq ?? batch.after), let last = try? storage.lastQueueEventId(),
            ack.held > last
        else { return nil }
        return "the city holds events of hall “\(export.hallId)” up to \(ack.held), but this hall's log ends at "
            + "\(last): this database is not the one the city knows under this id (re-installed, or restored from an "
            + "older backup?). Nothing is sent until the city's operator runs `onewindow-city hall-reset \(export.hallId) "
            + "--yes` (then this hall sends its whole log again), or this hall's newest database is restored"
    }
}
