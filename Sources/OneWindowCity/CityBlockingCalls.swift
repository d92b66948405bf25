import Foundation
import Logging
import OneWindowHTTP
import Synchronization

/// PostgreSQL calls made on a request's own thread (the token check, `/city`'s sessions and
/// failed sign-ins), each waiting `CityRoutes.databaseSeconds` at most and 503 when it gets no
/// answer. The HTTP server has two worker threads: during an outage every such call would hold
/// one for the whole wait. So after a call that got no answer in time, the others fail at once
/// for `pause` seconds (by the city's clock) before one tries again.
final class CityBlockingCalls: Sendable {
    private let logger: Logger
    private let clock: @Sendable () -> Date
    private let failedAt = Mutex<Date?>(nil)
    private let attempts = Atomic<Int>(0)
    static let pause: TimeInterval = 1

    init(logger: Logger, clock: @escaping @Sendable () -> Date) {
        self.logger = logger
        self.clock = clock
    }

    /// How many calls reached PostgreSQL (or waited for it): the test of the pause counts them.
    var attempted: Int { attempts.load(ordering: .relaxed) }

    /// Runs `body` and waits for it; 503 (`CityRoutes.unavailable`) when it fails or takes too
    /// long, or at once within `pause` of a call that did.
    func run<T: Sendable>(_ what: String, _ body: @escaping @Sendable () async throws -> T) throws(HTTPError) -> T {
        let now = clock()
        if let failed = failedAt.withLock({ $0 }), now.timeIntervalSince(failed) < Self.pause {
            throw CityRoutes.unavailable
        }
        attempts.add(1, ordering: .relaxed)
        do {
            let value = try CityDatabase.wait(timeout: CityRoutes.databaseSeconds, body)
            failedAt.withLock { $0 = nil }
            return value
        } catch {
            // Only a call that got no answer held its thread; an error PostgreSQL answered did not.
            if error is DatabaseTimeout { failedAt.withLock { $0 = clock() } }
            logger.warning("\(what) failed: \(error)")
            throw CityRoutes.unavailable
        }
    }
}
