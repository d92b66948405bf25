import Dispatch
import OneWindowCore
import OneWindowStorage
import Synchronization

/// Writes the simulated days on a thread of its own, in order, while the next day is simulated:
/// the simulation never reads the database (a returning case comes from its own memory), so
/// the two halves of the work run on the two cores.
///
/// Each day is one transaction, as the daemon's rollover ends a day: the day's rows and events
/// through `QueueTransaction.write` (the commit thread's write), then its metrics rollup
/// (`rollUpMetrics`), so the file has exactly the rows a hall's daemon would have written.
final class HistoryWriter: Sendable {
    private let storage: Storage
    private let queue = DispatchQueue(label: "onewindow-history-writer")
    /// Days simulated but not yet written: at most `depth`, so memory stays one or two days.
    private let slots: DispatchSemaphore
    private let state = Mutex<(events: Int, error: (any Error)?)>((0, nil))

    init(storage: Storage, depth: Int = 2) {
        self.storage = storage
        slots = DispatchSemaphore(value: depth)
    }

    /// Queues a day's changes; with `rollUpBefore`, the metrics of the days before it are
    /// stored in the same transaction. Waits while `depth` days are already queued; throws the
    /// first failed write's error.
    func submit(_ changes: QueueChanges, rollUpBefore next: String?) throws {
        slots.wait()
        if let error = state.withLock({ $0.error }) { throw error }
        queue.async { self.write(changes, rollUpBefore: next) }
    }

    private func write(_ changes: QueueChanges, rollUpBefore next: String?) {
        defer { slots.signal() }
        guard state.withLock({ $0.error == nil }) else { return }
        do {
            let written = try storage.transaction { transaction in
                let events = try transaction.write(changes)
                if let next { try transaction.rollUpMetrics(before: next) }
                return events.count
            }
            state.withLock { $0.events += written }
        } catch {
            state.withLock { $0.error = error }
        }
    }

    /// Waits for every queued day; returns the events written, or throws the first error.
    func finish() throws -> Int {
        queue.sync {}
        let (events, error) = state.withLock { ($0.events, $0.error) }
        if let error { throw error }
        return events
    }
}
