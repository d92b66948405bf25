import Foundation
import OneWindowHTTP
import Synchronization

/// Sessions in this process's memory: right for the hall's one daemon (`/manage`). A restart
/// signs everyone out.
package final class MemorySessionStore: SessionStore {
    private let sessions = Mutex<[String: ManageSessions.Session]>([:])

    package init() {}

    package func insert(_ session: ManageSessions.Session, key: String, now: Date, limit: Int) {
        sessions.withLock { all in
            all = all.filter { $0.value.expires > now }
            if all.count >= limit, let oldest = all.min(by: { $0.value.expires < $1.value.expires }) {
                all[oldest.key] = nil
            }
            all[key] = session
        }
    }

    package func session(key: String, now: Date) -> ManageSessions.Session? {
        sessions.withLock { all in
            guard let session = all[key] else { return nil }
            guard session.expires > now else {
                all[key] = nil
                return nil
            }
            return session
        }
    }

    package func remove(key: String) {
        _ = sessions.withLock { $0.removeValue(forKey: key) }
    }
}
