import Foundation
import Synchronization

/// A token bucket per device: `burst` requests at once, refilled at `perMinute`. Ticket
/// issuing is limited per kiosk token, so one broken or abused kiosk cannot empty the number
/// range or crowd out the others.
package final class RateLimiter: Sendable {
    package struct Rule: Sendable, Equatable {
        package var perMinute: Double
        package var burst: Double

        package init(perMinute: Double, burst: Double) {
            self.perMinute = perMinute
            self.burst = burst
        }

        /// A bucket that held `tokens` at `then`, refilled up to `now`: at most `burst`.
        package func refill(_ tokens: Double, from then: Date, to now: Date) -> Double {
            min(burst, tokens + max(0, now.timeIntervalSince(then)) * perMinute / 60)
        }

        /// Whole seconds until a bucket of `tokens` has one, at least 1; nil when it has one now.
        package func wait(_ tokens: Double) -> Int? {
            tokens + RateLimiter.slack >= 1 ? nil : RateLimiter.seconds(until: tokens, perMinute / 60)
        }

        /// Seconds after which any bucket is full again: the same as one never seen.
        package var refillSeconds: Double { burst / (perMinute / 60) }
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
        return buckets.withLock { buckets in
            guard let bucket = buckets[device] else { return nil }
            return rule.wait(rule.refill(bucket.tokens, from: bucket.at, to: now))
        }
    }

    /// Takes one token for `device`: nil when allowed, else the seconds until one is free.
    func take(for device: String) -> Int? {
        guard let rule, rule.perMinute > 0 else { return nil }
        let now = clock()
        return buckets.withLock { buckets in
            if buckets[device] == nil, buckets.count >= Self.bucketLimit { Self.forgetFull(&buckets, rule, now) }
            var bucket = buckets[device] ?? Bucket(tokens: rule.burst, at: now)
            bucket.tokens = rule.refill(bucket.tokens, from: bucket.at, to: now)
            bucket.at = now
            defer { buckets[device] = bucket }
            if let wait = rule.wait(bucket.tokens) { return wait }
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
        buckets = buckets.filter { _, bucket in rule.refill(bucket.tokens, from: bucket.at, to: now) < rule.burst }
    }

    /// Rounding room: 180 s at 5 per 15 minutes refill 0.99999999999999 tokens in floating point.
    fileprivate static let slack = 1e-9

    /// Whole seconds until `tokens` grows to one, at least 1.
    fileprivate static func seconds(until tokens: Double, _ perSecond: Double) -> Int {
        max(1, Int(((1 - tokens) / perSecond - 1e-6).rounded(.up)))
    }
}
