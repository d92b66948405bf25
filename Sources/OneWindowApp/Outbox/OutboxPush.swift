import Foundation

/// Where and how the outbox delivers (`--evaluation-push-url`): one HTTP POST per record.
public struct OutboxPush: Sendable {
    /// The receiver, e.g. the provincial 好差评 system's endpoint.
    public var url: URL
    /// The HMAC-SHA256 key of `X-OneWindow-Signature`, read from a file only its owner reads.
    public var secret: Data
    /// How long one attempt may take before it counts as failed.
    public var timeoutSeconds: Double = 10
    /// Records read and sent per turn; the sender reads again between turns.
    public var batchSize = 16
    /// How often the sender looks for new records when it has none.
    public var pollSeconds: Double = 1
    /// The pause after a whole batch went out, before the next: at most `batchSize` records
    /// per pause (80 a second by default, far above a hall's rate of a record every few
    /// seconds), so that draining a backlog never takes the CPU from the windows. Measured:
    /// without it, pushing as fast as possible cost the clerks' call-and-complete rate 40 %
    /// on 2 cores.
    public var pauseBetweenBatches: Double = 0.2
    public var backoff = OutboxBackoff()

    public init(url: URL, secret: Data) {
        self.url = url
        self.secret = secret
    }
}

/// When to try a failed record again: doubling from `first` up to `maximum`, each wait
/// shortened by a random part of up to `jitter` so that halls do not retry in step.
///
/// Nothing is ever given up: after `maximum` is reached a record is tried at that interval
/// for as long as it takes (the default reaches 30 minutes after about 9 attempts, and keeps
/// trying every 15–30 minutes, past the 3 days a receiver may be down for).
public struct OutboxBackoff: Sendable {
    public var first: TimeInterval = 5
    public var maximum: TimeInterval = 1_800
    /// 0 … 1: the share of each wait that is random.
    public var jitter: Double = 0.5

    public init(first: TimeInterval = 5, maximum: TimeInterval = 1_800, jitter: Double = 0.5) {
        self.first = first
        self.maximum = maximum
        self.jitter = jitter
    }

    /// The wait after the `attempts`-th failed attempt (1 for the first).
    public func delay(afterAttempt attempts: Int) -> TimeInterval {
        let doubled = first * pow(2, Double(min(max(attempts - 1, 0), 40)))
        let full = min(maximum, doubled)
        return full * (1 - jitter * Double.random(in: 0...1))
    }
}
