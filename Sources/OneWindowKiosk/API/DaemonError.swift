/// Why a request to the daemon did not give an answer the client can use.
public enum DaemonError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No answer: refused, timed out, or the connection dropped before the whole answer came.
    /// A request that may have reached the daemon is retried with the same Idempotency-Key.
    case unreachable(String)
    /// The daemon says "not now" (429, 502, 503, 504); `retryAfter` from its header.
    case busy(status: Int, code: String, retryAfter: Double?)
    /// The daemon refused the request for a reason retrying will not change (4xx).
    case rejected(status: Int, code: String, message: String)
    /// An answer that is not what the API promises.
    case badAnswer(String)
    /// The person gave up waiting (the screen went home).
    case cancelled

    /// Worth trying again, after a pause.
    public var isTransient: Bool {
        switch self {
        case .unreachable, .busy: true
        case .rejected, .badAnswer, .cancelled: false
        }
    }

    /// The API's error code, for the screens to pick their words.
    public var code: String? {
        switch self {
        case .busy(_, let code, _), .rejected(_, let code, _): code
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .unreachable(let reason): "the daemon cannot be reached: \(reason)"
        case .busy(let status, let code, _): "the daemon is busy (\(status) \(code))"
        case .rejected(let status, let code, let message): "\(status) \(code): \(message)"
        case .badAnswer(let reason): "unexpected answer from the daemon: \(reason)"
        case .cancelled: "cancelled"
        }
    }
}

/// Exponential backoff with a ceiling: 0.5 s, 1 s, 2 s, 4 s, 8 s, then 10 s, by default.
public struct Backoff: Sendable, Equatable {
    public var initial: Double
    public var factor: Double
    public var maximum: Double
    /// Attempts before giving up; nil keeps trying until the caller cancels.
    public var attempts: Int?

    public init(initial: Double = 0.5, factor: Double = 2, maximum: Double = 10, attempts: Int? = nil) {
        self.initial = initial
        self.factor = factor
        self.maximum = maximum
        self.attempts = attempts
    }

    /// Seconds to wait after failed attempt number `attempt` (1-based); a server's Retry-After wins
    /// when it is longer.
    public func delay(after attempt: Int, retryAfter: Double? = nil) -> Double {
        let computed = min(maximum, initial * pow(factor, Double(max(0, attempt - 1))))
        return max(computed, min(retryAfter ?? 0, 60))
    }

    private func pow(_ base: Double, _ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent) { result *= base }
        return result
    }
}
