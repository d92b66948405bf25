import Foundation
import Synchronization

/// A clock a test moves by hand, to cross midnight or a cache's lifetime without waiting.
public final class ManualClock: Sendable {
    private let now: Mutex<Date>

    public init(_ start: Date) {
        now = Mutex(start)
    }

    public func read() -> Date { now.withLock { $0 } }

    public func advance(_ seconds: TimeInterval) { now.withLock { $0 += seconds } }
}
