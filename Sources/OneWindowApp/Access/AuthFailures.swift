import Foundation
import Logging
import Synchronization

/// Counts failed authentications per client and logs them with a rate limit: one line per
/// client every `interval` at most, saying how many failed since the last line. A client
/// guessing tokens cannot flood the log, and the operator still sees it.
final class AuthFailures: Sendable {
    private struct Tally {
        var count = 0
        var since: Date
        var loggedAt: Date?
    }

    private let interval: TimeInterval
    private let clock: @Sendable () -> Date
    private let tallies = Mutex<[String: Tally]>([:])

    init(interval: TimeInterval = 10, clock: @escaping @Sendable () -> Date) {
        self.interval = interval
        self.clock = clock
    }

    func record(client: String, reason: String, logger: Logger) {
        let now = clock()
        let report: Int? = tallies.withLock { tallies in
            if tallies.count > 10_000 { tallies = tallies.filter { now.timeIntervalSince($0.value.since) < 60 } }
            var tally = tallies[client] ?? Tally(since: now)
            tally.count += 1
            defer { tallies[client] = tally }
            if let logged = tally.loggedAt, now.timeIntervalSince(logged) < interval { return nil }
            let count = tally.count
            tally.count = 0
            tally.loggedAt = now
            tally.since = now
            return count
        }
        if let report {
            logger.warning(
                "failed authentication", metadata: ["client": "\(client)", "count": "\(report)", "reason": "\(reason)"])
        }
    }
}
