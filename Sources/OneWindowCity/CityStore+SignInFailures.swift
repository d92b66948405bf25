import Foundation
import OneWindowApp
import PostgresNIO

/// `/city`'s failed sign-ins per client address (`city_sign_in_failure`, migration 0004): one
/// bucket per client for every city service, by `ManageSessions.failedSignIns`.
extension CityStore {
    /// The client's bucket: tokens left and when they were counted; nil for a client with none.
    func signInBucket(client: String) async throws -> (tokens: Double, at: Date)? {
        try await database.connection { connection in
            let rows = try await connection.query(
                "SELECT tokens, at FROM city_sign_in_failure WHERE client = \(client)", logger: logger)
            for try await (tokens, at) in rows.decode((Double, Double).self) {
                return (tokens, Date(timeIntervalSince1970: at))
            }
            return nil
        }
    }

    /// Takes one token from the client's bucket, refilled to `now` by `rule` (a new client starts
    /// full), in one transaction with the row locked; drops the buckets full again by `now`.
    func takeSignInToken(client: String, now: Date, rule: RateLimiter.Rule) async throws {
        try await database.transaction { connection in
            let seconds = now.timeIntervalSince1970
            try await connection.query(
                "DELETE FROM city_sign_in_failure WHERE at < \(seconds - rule.refillSeconds)", logger: logger)
            try await connection.query(
                """
                INSERT INTO city_sign_in_failure (client, tokens, at) VALUES (\(client), \(rule.burst), \(seconds))
                ON CONFLICT (client) DO NOTHING
                """, logger: logger)
            var bucket: (Double, Double)?
            for try await row in try await connection.query(
                "SELECT tokens, at FROM city_sign_in_failure WHERE client = \(client) FOR UPDATE", logger: logger
            ).decode((Double, Double).self) {
                bucket = row
            }
            guard let (tokens, at) = bucket else { return }
            let refilled = rule.refill(tokens, from: Date(timeIntervalSince1970: at), to: now)
            let left = rule.wait(refilled) == nil ? max(0, refilled - 1) : refilled
            try await connection.query(
                "UPDATE city_sign_in_failure SET tokens = \(left), at = \(seconds) WHERE client = \(client)",
                logger: logger)
        }
    }
}
