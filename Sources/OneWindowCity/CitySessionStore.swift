import Foundation
import Logging
import OneWindowApp
import OneWindowHTTP

/// `/city`'s sessions in PostgreSQL: a session opened on one city service is good on all of
/// them, and a sign-out on one ends it on all. Each call waits for PostgreSQL on the request's
/// thread, as the token check does, at most `CityRoutes.databaseSeconds`; a PostgreSQL that
/// does not answer is 503, and the store changes nothing.
struct CitySessionStore: SessionStore {
    let store: CityStore
    let logger: Logger

    func insert(_ session: ManageSessions.Session, key: String, now: Date, limit: Int) throws(HTTPError) {
        let store = store
        try wait { try await store.insertSession(session, key: key, now: now, limit: limit) }
    }

    func session(key: String, now: Date) throws(HTTPError) -> ManageSessions.Session? {
        let store = store
        return try wait { try await store.session(key: key, now: now) }
    }

    func remove(key: String) throws(HTTPError) {
        let store = store
        try wait { try await store.deleteSession(key: key) }
    }

    private func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws(HTTPError) -> T {
        do {
            return try CityDatabase.wait(timeout: CityRoutes.databaseSeconds, body)
        } catch {
            logger.warning("session store failed: \(error)")
            throw CityRoutes.unavailable
        }
    }
}
