import Foundation
import Logging
import OneWindowCore
import OneWindowStorage
import Synchronization

/// Keeps the `MetricsBook` current: at start-up it folds in the stored event log on a thread
/// of its own (the daemon serves meanwhile), and as a `CommitObserver` every committed group.
/// Groups committed while the log is read wait in `pending`; events are folded in strictly in
/// id order, each once, so the book always equals the log.
public final class MetricsService: CommitObserver {
    private struct State {
        var book = MetricsBook()
        var loading = true
        var pending: [StoredEvent] = []
    }

    private let state = Mutex(State())
    private let ready = DispatchSemaphore(value: 0)
    private let isReady = Atomic<Bool>(false)

    public init() {}

    /// Reads the whole event log in pages, then goes live. Call once, after the queue exists.
    public func load(from storage: Storage, logger: Logger) {
        let thread = Thread { [self] in
            let started = Date()
            var after: Int64 = 0
            var count = 0
            do {
                while true {
                    let page = try storage.queueEvents(after: after, limit: Storage.eventPageSize)
                    guard let last = page.last else { break }
                    state.withLock { state in
                        for stored in page { state.book.apply(id: stored.id, stored.event) }
                    }
                    after = last.id
                    count += page.count
                }
            } catch {
                logger.error("cannot read the event log for the metrics: \(error); they count from now on")
            }
            state.withLock { state in
                for stored in state.pending { state.book.apply(id: stored.id, stored.event) }
                state.pending = []
                state.loading = false
            }
            isReady.store(true, ordering: .releasing)
            ready.signal()
            logger.info(
                "metrics ready",
                metadata: [
                    "events": "\(count)", "seconds": "\(Double(Int(Date().timeIntervalSince(started) * 100)) / 100)",
                ])
        }
        thread.name = "onewindow-metrics-load"
        thread.start()
    }

    public func committed(_ group: CommittedGroup) {
        state.withLock { state in
            if state.loading {
                state.pending += group.events
            } else {
                for stored in group.events { state.book.apply(id: stored.id, stored.event) }
            }
        }
    }

    /// Waits up to `seconds` for the log to be read; true once it is.
    public func waitUntilReady(seconds: Double) -> Bool {
        if isReady.load(ordering: .acquiring) { return true }
        guard ready.wait(timeout: .now() + seconds) == .success else { return false }
        ready.signal()
        return true
    }

    /// Reads the book.
    public func read<T>(_ body: (MetricsBook) -> T) -> T {
        state.withLock { body($0.book) }
    }
}
