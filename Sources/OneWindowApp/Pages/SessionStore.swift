import Foundation
import OneWindowHTTP

/// Where a signed-in page keeps its sessions, each under the SHA-256 (hex) of its session id:
/// the hall's `/manage` in memory (`MemorySessionStore`: one daemon, and a restart signs its
/// managers out), the city's `/city` in PostgreSQL (several city services behind one load
/// balancer share them). `ManageSessions` decides what a session is; a store only keeps it.
/// A store that cannot answer throws 503 (`databaseUnavailable`), and loses nothing.
package protocol SessionStore: Sendable {
    /// Keeps `session` under `key`; drops the sessions expired at `now` and, when more than
    /// `limit` would be left, the ones that expire first.
    func insert(_ session: ManageSessions.Session, key: String, now: Date, limit: Int) throws(HTTPError)

    /// The session under `key`, nil when there is none or it expired at `now`.
    func session(key: String, now: Date) throws(HTTPError) -> ManageSessions.Session?

    /// Ends the session under `key`, if there is one.
    func remove(key: String) throws(HTTPError)
}
