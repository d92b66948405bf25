import Foundation
import OneWindowHTTP

/// Where a signed-in page counts failed sign-ins per client address: the hall's in memory
/// (`MemorySignInThrottle`), the city's in PostgreSQL, so that several city services behind one
/// load balancer give a guesser 5 tries in all, not 5 each. Both follow one
/// `RateLimiter.Rule`, `ManageSessions.failedSignIns`. A throttle that cannot answer throws 503.
package protocol SignInThrottle: Sendable {
    /// Seconds before `client` may try again; nil while it may.
    func wait(client: String) throws(HTTPError) -> Int?

    /// Counts a failed sign-in of `client`.
    func failed(client: String) throws(HTTPError)
}

/// Failed sign-ins counted in this process's memory: right for the hall's one daemon.
package struct MemorySignInThrottle: SignInThrottle {
    let limiter: RateLimiter

    package init(rule: RateLimiter.Rule, clock: @escaping @Sendable () -> Date) {
        limiter = RateLimiter(rule: rule, clock: clock)
    }

    package func wait(client: String) -> Int? { limiter.wait(for: client) }

    package func failed(client: String) { _ = limiter.take(for: client) }
}
