import Foundation
import Synchronization

/// Every suspended connection, so none is forgotten: each has a way to be woken (with an
/// answer of its own), and a deferred request a deadline.
///
/// libmicrohttpd aborts the process if it is stopped while a connection is suspended, so the
/// stop closes this registry (no connection may suspend after that) and wakes every entry.
final class Suspensions: Sendable {
    private struct Entry {
        /// When the entry must be woken anyway (a deferred answer that did not come in time).
        let deadline: UInt64?
        let wake: @Sendable (_ closing: Bool) -> Void
    }

    private struct State {
        var closed = false
        var next = 0
        var entries: [Int: Entry] = [:]
    }

    private let state = Mutex(State())

    /// Records a suspension and returns its ticket, or nil once closed (then do not suspend).
    /// - Parameters:
    ///   - timeoutSeconds: wake it with `wake` after this long; nil never.
    ///   - wake: answers and resumes the connection (`closing` tells a stop from a timeout);
    ///     called at most once, on any thread.
    func register(timeoutSeconds: Double?, wake: @escaping @Sendable (_ closing: Bool) -> Void) -> Int? {
        let deadline = timeoutSeconds.map { DispatchTime.now().uptimeNanoseconds + UInt64($0 * 1e9) }
        return state.withLock { state in
            guard !state.closed else { return nil }
            state.next += 1
            state.entries[state.next] = Entry(deadline: deadline, wake: wake)
            return state.next
        }
    }

    /// Forgets a suspension that ended normally.
    func remove(_ ticket: Int) {
        state.withLock { _ = $0.entries.removeValue(forKey: ticket) }
    }

    /// Wakes the entries whose deadline has passed.
    func expire(now: UInt64 = DispatchTime.now().uptimeNanoseconds) {
        let due = state.withLock { state in
            let due = state.entries.filter { $0.value.deadline.map { $0 <= now } ?? false }
            for ticket in due.keys { state.entries[ticket] = nil }
            return due.values.map(\.wake)
        }
        for wake in due { wake(false) }
    }

    /// Refuses new suspensions and wakes every entry.
    func closeAndWakeAll() {
        let all = state.withLock { state in
            state.closed = true
            defer { state.entries = [:] }
            return state.entries.values.map(\.wake)
        }
        for wake in all { wake(true) }
    }

    var count: Int { state.withLock { $0.entries.count } }
}
