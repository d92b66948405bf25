import Foundation
import Logging
import OneWindowApp
import OneWindowHTTP

/// `/city`'s failed sign-ins, counted in PostgreSQL: behind a load balancer a guesser has 5
/// tries in all, then one every 3 minutes, whichever city service answers.
struct CitySignInThrottle: SignInThrottle {
    let store: CityStore
    let logger: Logger
    let clock: @Sendable () -> Date
    let rule = ManageSessions.failedSignIns

    func wait(client: String) throws(HTTPError) -> Int? {
        let store = store
        guard let bucket = try call({ try await store.signInBucket(client: client) }) else { return nil }
        return rule.wait(rule.refill(bucket.tokens, from: bucket.at, to: clock()))
    }

    func failed(client: String) throws(HTTPError) {
        let (store, now, rule) = (store, clock(), rule)
        try call { try await store.takeSignInToken(client: client, now: now, rule: rule) }
    }

    private func call<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws(HTTPError) -> T {
        do {
            return try CityDatabase.wait(timeout: CityRoutes.databaseSeconds, body)
        } catch {
            logger.warning("sign-in throttle failed: \(error)")
            throw CityRoutes.unavailable
        }
    }
}
