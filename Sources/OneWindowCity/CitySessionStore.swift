import Foundation
import OneWindowApp
import OneWindowHTTP

/// `/city`'s sessions in PostgreSQL: a session opened on one city service is good on all of
/// them, and a sign-out on one ends it on all. Each call waits for PostgreSQL on the request's
/// thread, as the token check does (`CityBlockingCalls`); a PostgreSQL that does not answer is
/// 503, and the store changes nothing.
struct CitySessionStore: SessionStore {
    let store: CityStore
    let calls: CityBlockingCalls

    func insert(_ session: ManageSessions.Session, key: String, now: Date, limit: Int) throws(HTTPError) {
        let store = store
        try calls.run("storing a session") { try await store.insertSession(session, key: key, now: now, limit: limit) }
    }

    func session(key: String, now: Date) throws(HTTPError) -> ManageSessions.Session? {
        let store = store
        return try calls.run("reading a session") { try await store.session(key: key, now: now) }
    }

    func remove(key: String) throws(HTTPError) {
        let store = store
        try calls.run("ending a session") { try await store.deleteSession(key: key) }
    }
}
