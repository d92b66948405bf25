import Foundation
import Synchronization

/// A token bucket per device: `burst` requests at once, refilled at `perMinute`. Ticket
/// issuing is limited per kiosk token, so one broken or abused kiosk cannot empty the number
/// range or crowd out the others.
final class RateLimiter: Sendable {
    struct Rule: Sendable, Equatable {
        var perMinute: Double
        var burst: Double
    }

    private struct Bucket {
        var tokens: Double
        var at: Date
    }

    private let rule: Rule?
    private let clock: @Sendable () -> Date
    private let buckets = Mutex<[String: Bucket]>([:])

    /// - Parameter rule: nil lets everything through.
    init(rule: Rule?, clock: @escaping @Sendable () -> Date) {
        self.rule = rule
        self.clock = clock
    }

    /// Takes one token for `device`: nil when allowed, else the seconds until one is free.
    func take(for device: String) -> Int? {
        guard let rule, rule.perMinute > 0 else { return nil }
        let now = clock()
        let perSecond = rule.perMinute / 60
        return buckets.withLock { buckets in
            var bucket = buckets[device] ?? Bucket(tokens: rule.burst, at: now)
            let elapsed = max(0, now.timeIntervalSince(bucket.at))
            bucket.tokens = min(rule.burst, bucket.tokens + elapsed * perSecond)
            bucket.at = now
            defer { buckets[device] = bucket }
            guard bucket.tokens >= 1 else { return max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up))) }
            bucket.tokens -= 1
            return nil
        }
    }
}
