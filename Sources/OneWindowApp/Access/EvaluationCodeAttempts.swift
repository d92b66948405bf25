import Foundation
import Synchronization

/// Counts wrong evaluation codes: after `perTicket` for one ticket, or `perDevice` from one
/// kiosk within an hour, further tries are refused (429) until the hour has passed. Kept in
/// memory: a guesser cannot restart the daemon, and a restart forgetting a count costs at most
/// another `perTicket` tries of a million codes.
final class EvaluationCodeAttempts: Sendable {
    static let perTicket = 5
    static let perDevice = 20
    static let period: TimeInterval = 3600

    private struct Failures {
        var byTicket: [String: [Date]] = [:]
        var byDevice: [String: [Date]] = [:]
    }

    private let clock: @Sendable () -> Date
    private let failures = Mutex(Failures())

    init(clock: @escaping @Sendable () -> Date) {
        self.clock = clock
    }

    /// Seconds until `ticket` or `device` may try again, or nil when it may now.
    func lockedFor(ticket: String, device: String) -> Int? {
        let now = clock()
        return failures.withLock { failures in
            let waits = [
                Self.wait(&failures.byTicket, ticket, limit: Self.perTicket, now: now),
                Self.wait(&failures.byDevice, device, limit: Self.perDevice, now: now),
            ]
            return waits.compactMap { $0 }.max()
        }
    }

    /// Counts one wrong code.
    func recordFailure(ticket: String, device: String) {
        let now = clock()
        failures.withLock { failures in
            if failures.byTicket.count > 10_000 {
                failures.byTicket = failures.byTicket.filter { Self.recent($0.value, now) }
            }
            failures.byTicket[ticket, default: []].append(now)
            failures.byDevice[device, default: []].append(now)
        }
    }

    private static func recent(_ dates: [Date], _ now: Date) -> Bool {
        dates.contains { now.timeIntervalSince($0) < period }
    }

    /// Forgets failures older than the period; the seconds until the oldest of the last `limit`
    /// leaves it, when there are `limit` of them.
    private static func wait(_ table: inout [String: [Date]], _ key: String, limit: Int, now: Date) -> Int? {
        guard let dates = table[key] else { return nil }
        let kept = dates.filter { now.timeIntervalSince($0) < period }
        table[key] = kept.isEmpty ? nil : kept
        guard kept.count >= limit else { return nil }
        let freed = kept[kept.count - limit].addingTimeInterval(period)
        return max(1, Int(freed.timeIntervalSince(now).rounded(.up)))
    }
}
