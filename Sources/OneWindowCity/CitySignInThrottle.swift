import Foundation
import OneWindowApp
import OneWindowHTTP

/// `/city`'s failed sign-ins, counted in PostgreSQL: behind a load balancer a guesser has 5
/// tries in all, then one every 3 minutes, whichever city service answers.
struct CitySignInThrottle: SignInThrottle {
    let store: CityStore
    let calls: CityBlockingCalls
    let clock: @Sendable () -> Date
    let rule = ManageSessions.failedSignIns

    func wait(client: String) throws(HTTPError) -> Int? {
        let store = store
        guard let bucket = try calls.run("reading failed sign-ins", { try await store.signInBucket(client: client) })
        else { return nil }
        return rule.wait(rule.refill(bucket.tokens, from: bucket.at, to: clock()))
    }

    func failed(client: String) throws(HTTPError) {
        let (store, now, rule) = (store, clock(), rule)
        try calls.run("counting a failed sign-in") {
            try await store.takeSignInToken(client: client, now: now, rule: rule)
        }
    }
}
