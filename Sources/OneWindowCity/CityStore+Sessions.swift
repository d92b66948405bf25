import Foundation
import OneWindowApp
import PostgresNIO

/// `/city`'s sessions (`city_session`, migration 0004), one function per query or transaction.
extension CityStore {
    /// Stores `session` under `key` (the session id's SHA-256), in one transaction with dropping
    /// the sessions expired at `now` and, past `limit`, those that expire first.
    func insertSession(_ session: ManageSessions.Session, key: String, now: Date, limit: Int) async throws {
        try await database.transaction { connection in
            let now = now.timeIntervalSince1970
            try await connection.query("DELETE FROM city_session WHERE expires <= \(now)", logger: logger)
            try await connection.query(
                """
                DELETE FROM city_session WHERE session_sha256 IN (
                    SELECT session_sha256 FROM city_session ORDER BY expires DESC OFFSET \(max(0, limit - 1)))
                """, logger: logger)
            try await connection.query(
                """
                INSERT INTO city_session (session_sha256, token_sha256, device, csrf, expires)
                VALUES (\(key), \(session.tokenHash), \(session.device), \(session.csrf),
                        \(session.expires.timeIntervalSince1970))
                """, logger: logger)
        }
    }

    /// The session under `key` that has not expired at `now`, or nil.
    func session(key: String, now: Date) async throws -> ManageSessions.Session? {
        try await database.connection { connection in
            let rows = try await connection.query(
                """
                SELECT token_sha256, device, csrf, expires FROM city_session
                WHERE session_sha256 = \(key) AND expires > \(now.timeIntervalSince1970)
                """, logger: logger)
            for try await (token, device, csrf, expires) in rows.decode((String, String, String, Double).self) {
                return ManageSessions.Session(
                    tokenHash: token, device: device, expires: Date(timeIntervalSince1970: expires), csrf: csrf)
            }
            return nil
        }
    }

    /// Ends the session under `key` (sign-out, or its token is gone).
    func deleteSession(key: String) async throws {
        try await database.connection { connection in
            try await connection.query("DELETE FROM city_session WHERE session_sha256 = \(key)", logger: logger)
        }
    }

    /// The SHA-256 of every stored session id, with its token's (the tests check that no
    /// session id is stored in the clear and that a failed write left nothing).
    public func storedSessions() async throws -> [(session: String, token: String)] {
        try await database.connection { connection in
            var sessions: [(String, String)] = []
            for try await row in try await connection.query(
                "SELECT session_sha256, token_sha256 FROM city_session ORDER BY session_sha256", logger: logger
            ).decode((String, String).self) {
                sessions.append(row)
            }
            return sessions
        }
    }
}
