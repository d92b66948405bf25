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
        /// The first event committed since start: from it on, the log's events are live ones,
        /// whose timings Prometheus hears even when the loader folds them first.
        var firstLive = Int64.max
        /// The latest hall day folded live: when a group brings a later one, the days before it
        /// are compacted (`MetricsBook.compact`).
        var liveDay = ""
        /// Requests that came while loading (`whenLoaded`), each with its deadline.
        var waiting: [(deadline: Date, run: @Sendable (Bool) -> Void)] = []
    }

    private let state = Mutex(State())
    /// The rollups the book was loaded from: older days a range needs are read from them.
    private let storage = Mutex<Storage?>(nil)
    private let loaded = Atomic<Bool>(false)
    /// Hears each wait and service time the fold counts in live groups (not the stored log read
    /// at start-up): Prometheus' histograms.
    private let timings: @Sendable (MetricsBook.Timing) -> Void

    public init(timings: @escaping @Sendable (MetricsBook.Timing) -> Void = { _ in }) {
        self.timings = timings
    }

    /// Reads the stored days' rollups, then the events after them (today's) in pages, then
    /// goes live. Call once, after the queue exists (it stores the days it rolled over).
    public func load(from storage: Storage, logger: Logger) {
        self.storage.withLock { $0 = storage }
        let thread = Thread { [self] in
            beforeLoad.withLock { $0 }?()
            let started = Date()
            var count = 0
            var days = 0
            do {
                let book = try MetricsBook.fromRollups(storage)
                days = book.stored.count  // the held days: the last three months or so
                state.withLock { $0.book = book }
                expireWaiting(at: Date())
                while true {
                    let page = try storage.queueEvents(
                        after: state.withLock { $0.book.lastEventId }, limit: Storage.eventPageSize)
                    guard !page.isEmpty else { break }
                    let counted = state.withLock { state in
                        page.compactMap { stored in
                            state.book.apply(id: stored.id, stored.event).flatMap {
                                stored.id >= state.firstLive ? $0 : nil
                            }
                        }
                    }
                    counted.forEach(timings)
                    count += page.count
                    expireWaiting(at: Date())
                }
            } catch {
                logger.error("cannot read the metrics rollups and event log: \(error); they count from now on")
            }
            let (counted, waiting) = state.withLock { state in
                let counted = state.pending.compactMap { state.book.apply(id: $0.id, $0.event) }
                state.pending = []
                state.loading = false
                defer { state.waiting = [] }
                return (counted, state.waiting)
            }
            counted.forEach(timings)
            loaded.store(true, ordering: .releasing)
            for waiter in waiting { waiter.run(true) }
            logger.info(
                "metrics ready",
                metadata: [
                    "days": "\(days)", "events": "\(count)",
                    "seconds": "\(Double(Int(Date().timeIntervalSince(started) * 1000)) / 1000)",
                ])
        }
        thread.name = "onewindow-metrics-load"
        thread.start()
    }

    public func committed(_ group: CommittedGroup) {
        let counted = state.withLock { state -> [MetricsBook.Timing] in
            if state.loading {
                state.firstLive = min(state.firstLive, group.events.first?.id ?? .max)
                state.pending += group.events
                return []
            }
            let counted = group.events.compactMap { state.book.apply(id: $0.id, $0.event) }
            if let day = group.events.last?.event.hallDay, day > state.liveDay {
                state.book.compact(before: day)
                state.liveDay = day
            }
            return counted
        }
        counted.forEach(timings)
    }

    /// Whether the stored rollups and log have been read: until then the figures are partial.
    public var isLoaded: Bool { loaded.load(ordering: .acquiring) }

    /// Runs `body` with true once the figures are loaded: at once if they are, else on the
    /// loading thread when it is done, or with false on it if `deadline` passes first (checked
    /// between the pages it reads). No thread waits meanwhile: a route that calls this answers
    /// through its `Responder` from `body`, its connection suspended.
    public func whenLoaded(deadline: Date, _ body: @escaping @Sendable (Bool) -> Void) {
        let now = state.withLock { state -> Bool in
            guard state.loading else { return true }
            state.waiting.append((deadline, body))
            return false
        }
        if now { body(true) }
    }

    /// Answers false to the waiting requests whose deadline has passed.
    private func expireWaiting(at now: Date) {
        let expired = state.withLock { state in
            let expired = state.waiting.filter { $0.deadline <= now }
            state.waiting.removeAll { $0.deadline <= now }
            return expired
        }
        for waiter in expired { waiter.run(false) }
    }

    /// Runs `body` on a copy of the book taken under the lock, outside it: a report, `/manage`
    /// or the CSV may take milliseconds over a year of days, and the commit thread, which folds
    /// each group in under the same lock, never waits for them (the copy shares the days'
    /// storage until the next group changes today's).
    public func read<T>(_ body: (MetricsBook) -> T) -> T {
        let book = state.withLock { $0.book }
        beforeReport.withLock { $0 }?()
        return body(book)
    }

    /// `read` for a question over `from`…`to`: the stored days it needs that the book does not
    /// hold (the ends of a range in an older month, `MetricsBook.missingDays`) are read from
    /// the rollups first, in one query, on the copy and outside the lock. A range within the
    /// last three months or so reads nothing. Throws when the rollups cannot be read.
    public func read<T>(from: String, to: String, _ body: (MetricsBook) -> T) throws -> T {
        var book = state.withLock { $0.book }
        if let storage = storage.withLock({ $0 }) { book = try book.holdingDays(from: from, to: to, storage: storage) }
        beforeReport.withLock { $0 }?()
        return body(book)
    }

    /// A test's hook, run after the copy and before `body` (to hold a report open).
    public let beforeReport = Mutex<(@Sendable () -> Void)?>(nil)
    /// A test's hook, run by the loading thread before it reads anything (to hold the load).
    public let beforeLoad = Mutex<(@Sendable () -> Void)?>(nil)
}
