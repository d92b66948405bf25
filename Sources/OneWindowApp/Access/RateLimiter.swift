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

    /// The seconds until `device` has a token, without taking one; nil when it has one now.
    func wait(for device: String) -> Int? {
        guard let rule, rule.perMinute > 0 else { return nil }
        let now = clock()
        let perSecond = rule.perMinute / 60
        return buckets.withLock { buckets in
            guard let bucket = buckets[device] else { return nil }
            let tokens = min(rule.burst, bucket.tokens + max(0, now.timeIntervalSince(bucket.at)) * perSecond)
            return tokens + Self.slack >= 1 ? nil : Self.seconds(until: tokens, perSecond)
        }
    }

    /// Takes one token for `device`: nil when allowed, else the seconds until one is free.
    func take(for device: String) -> Int? {
        guard let rule, rule.perMinute > 0 else { return nil }
        let now = clock()
        let perSecond = rule.perMinute / 60
        return buckets.withLock { buckets in
            if buckets[device] == nil, buckets.count >= Self.bucketLimit { Self.forgetFull(&buckets, rule, now) }
            var bucket = buckets[device] ?? Bucket(tokens: rule.burst, at: now)
            let elapsed = max(0, now.timeIntervalSince(bucket.at))
            bucket.tokens = min(rule.burst, bucket.tokens + elapsed * perSecond)
            bucket.at = now
            defer { buckets[device] = bucket }
            guard bucket.tokens + Self.slack >= 1 else { return Self.seconds(until: bucket.tokens, perSecond) }
            bucket.tokens = max(0, bucket.tokens - 1)
            return nil
        }
    }

    /// How many clients have a bucket now.
    var remembered: Int { buckets.withLock(\.count) }

    /// Clients remembered at most before the full buckets are forgotten: sign-in failures come
    /// from any address, and each must not cost memory for ever.
    static let bucketLimit = 10_000

    /// Drops the buckets that have refilled to `burst`: a client with a full bucket is the same
    /// as one never seen.
    private static func forgetFull(_ buckets: inout [String: Bucket], _ rule: Rule, _ now: Date) {
        let perSecond = rule.perMinute / 60
        buckets = buckets.filter { _, bucket in
            bucket.tokens + max(0, now.timeIntervalSince(bucket.at)) * perSecond < rule.burst
        }
    }

    /// Rounding room: 180 s at 5 per 15 minutes refill 0.99999999999999 tokens in floating point.
    private static let slack = 1e-9

    /// Whole seconds until `tokens` grows to one, at least 1.
    private static func seconds(until tokens: Double, _ perSecond: Double) -> Int {
        max(1, Int(((1 - tokens) / perSecond - 1e-6).rounded(.up)))
    }
}
