import Crypto
import Foundation
import Logging
import OneWindowStorage
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Delivers the outbox on a thread of its own: never on the commit path, with its own reads
/// and writes, a few records at a time.
///
/// At least once, in order: records go out oldest first, and a record that fails holds back
/// the ones after it until it is delivered, so a receiver never sees a follow-up before the
/// rating it follows. A record is marked delivered only after a 2xx answer; if the daemon dies
/// between the answer and the mark, the record is sent again after the restart with the same
/// `Idempotency-Key`. Nothing is given up (`OutboxBackoff`).
///
/// Without a push URL nothing is sent; records older than `keepUndelivered` are then deleted
/// (the evaluations stay in their own table, for the export).
public final class OutboxSender: Sendable {
    let storage: Storage
    let push: OutboxPush?
    let clock: QueueService.Clock
    let logger: Logger
    let figures: OutboxFigures
    /// The records this sender delivers; only the `records` lane shows the outbox's figures
    /// and its purge of undelivered records without a push.
    let lane: OutboxLane
    /// Makes the body sent from a stored payload (a message's number is opened only here);
    /// nil when it cannot be made, and the record is then set aside, logged, never sent.
    let body: @Sendable (OutboxRecord) -> Data?
    let stopping = Atomic<Bool>(false)
    /// The attempt under way, cancelled by `stop` so that a hanging receiver never holds a
    /// shutdown for its timeout.
    let inFlight = Mutex<URLSessionTask?>(nil)
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let started = Atomic<Bool>(false)

    /// How long delivered records are kept (for an operator's look), and undelivered ones
    /// when no push is configured.
    static let keepDelivered: TimeInterval = 7 * 86_400
    static let keepUndelivered: TimeInterval = 30 * 86_400

    init(
        storage: Storage, push: OutboxPush?, figures: OutboxFigures, clock: @escaping QueueService.Clock,
        logger: Logger,
        lane: OutboxLane = .records, body: @escaping @Sendable (OutboxRecord) -> Data? = { $0.payload }
    ) {
        self.lane = lane
        self.body = body
        self.storage = storage
        self.push = push
        self.figures = figures
        self.clock = clock
        self.logger = logger
    }

    func start() {
        guard !started.exchange(true, ordering: .relaxed) else { return }
        let thread = Thread { [self] in self.run() }
        thread.name = lane == .records ? "onewindow-outbox" : "onewindow-notify"
        thread.start()
    }

    /// Stops at once: the attempt in flight is cancelled (its record is sent again after the
    /// restart, with the same key).
    func stop() {
        guard started.load(ordering: .relaxed), !stopping.exchange(true, ordering: .relaxed) else { return }
        inFlight.withLock { $0?.cancel() }
        wake.signal()
        _ = finished.wait(timeout: .now() + (push?.timeoutSeconds ?? 0) + 5)
    }

    private func run() {
        // The name tools see (`top -H`, /proc/PID/task/*/comm; 15 bytes at most), which
        // `Thread.name` does not set on Linux: bench/run counts this thread's CPU time by it.
        if let comm = fopen("/proc/thread-self/comm", "w") {
            fputs(lane == .records ? "onewindow-outbo" : "onewindow-notif", comm)
            fclose(comm)
        }
        var purgedAt = Date.distantPast
        var shownAt = Date.distantPast
        while !stopping.load(ordering: .relaxed) {
            var pause = push?.pollSeconds ?? 5
            if let push {
                pause = turn(push) ?? pause
            }
            if Date().timeIntervalSince(purgedAt) > 3_600 {
                purgedAt = Date()
                purge()
            }
            // Once a second at most, however fast the turns come while a backlog drains.
            if lane == .records, Date().timeIntervalSince(shownAt) >= 1 {
                shownAt = Date()
                if let backlog = try? storage.outboxBacklog() { figures.show(backlog, now: clock()) }
            }
            _ = wake.wait(timeout: .now() + max(0.001, pause))
        }
        finished.signal()
    }

    /// Sends what is due, oldest first, up to the first failure, and records the turn in one
    /// write; returns how long to pause before the next turn (nil for the usual poll), or
    /// `pauseBetweenBatches` when a whole batch went out and more may wait.
    private func turn(_ push: OutboxPush) -> TimeInterval? {
        let pending: [OutboxRecord]
        do {
            pending = try storage.outboxPending(limit: push.batchSize, lane: lane)
        } catch {
            logger.error("cannot read the outbox: \(error)")
            return nil
        }
        var delivered: [String] = []
        var failure: OutboxFailure?
        var pause: TimeInterval? = pending.count == push.batchSize ? push.pauseBetweenBatches : nil
        for record in pending {
            if stopping.load(ordering: .relaxed) { break }
            let now = clock()
            if record.nextAttemptAt > now {
                pause = min(push.pollSeconds, record.nextAttemptAt.timeIntervalSince(now))
                break
            }
            guard let body = body(record) else {
                logger.error(
                    "outbox record cannot be sent (a message sealed with another phone key?); set aside",
                    metadata: ["id": "\(record.id)", "topic": "\(record.topic)"])
                delivered.append(record.id)
                continue
            }
            if let error = post(record, body: body, push) {
                // Cancelled by `stop`: not a failure of the receiver; sent again after the restart.
                if stopping.load(ordering: .relaxed) { break }
                failure = OutboxFailure(
                    id: record.id, error: error,
                    retryAt: clock().addingTimeInterval(push.backoff.delay(afterAttempt: record.attempts + 1)))
                figures.attemptFailed()
                if record.attempts == 0 || record.attempts % 10 == 0 {
                    logger.warning(
                        "outbox record not delivered; it will be sent again",
                        metadata: ["id": "\(record.id)", "attempts": "\(record.attempts + 1)", "error": "\(error)"])
                }
                pause = nil
                break
            }
            delivered.append(record.id)
            figures.recordDelivered()
        }
        do {
            try storage.markOutbox(delivered: delivered, at: clock(), failed: failure)
        } catch {
            // The turn's results are lost: those records are sent again, with the same keys.
            logger.error("cannot record outbox deliveries: \(error)")
            return nil
        }
        return pause
    }

    private func purge() {
        let now = clock()
        do {
            try storage.purgeOutbox(before: now.addingTimeInterval(-Self.keepDelivered), lane: lane)
            if push == nil {
                try storage.purgeOutbox(
                    before: now.addingTimeInterval(-Self.keepUndelivered), undelivered: true, lane: lane)
            }
        } catch {
            logger.error("cannot purge the outbox: \(error)")
        }
    }
}
