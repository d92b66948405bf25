/// Runs `operation` until it succeeds, fails for good, runs out of attempts or is cancelled,
/// pausing by `backoff` after each transient failure and telling `onRetry` (attempt, error).
public func retrying<T: Sendable>(
    _ backoff: Backoff, onRetry: @Sendable (Int, DaemonError) -> Void = { _, _ in },
    _ operation: () async throws(DaemonError) -> T
) async throws(DaemonError) -> T {
    var attempt = 0
    while true {
        attempt += 1
        if Task.isCancelled { throw .cancelled }
        do {
            return try await operation()
        } catch {
            guard error.isTransient else { throw error }
            if let limit = backoff.attempts, attempt >= limit { throw error }
            onRetry(attempt, error)
            var retryAfter: Double?
            if case .busy(_, _, let seconds) = error { retryAfter = seconds }
            let delay = backoff.delay(after: attempt, retryAfter: retryAfter)
            do {
                try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
            } catch {
                throw .cancelled
            }
        }
    }
}
