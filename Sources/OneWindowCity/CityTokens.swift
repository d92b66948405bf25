import Foundation
import OneWindowHTTP
import Synchronization

/// The bearer tokens the city accepts, cached from PostgreSQL: a known token costs no query.
/// An unknown one reads the tables again, at most once a second, so a hall added by
/// `onewindow-city hall add` is accepted within a second and a flood of bad tokens costs
/// PostgreSQL one query a second.
final class CityTokens: Sendable {
    private struct Cache {
        var devices: [String: Device] = [:]
        var readAt = Date.distantPast
    }

    private let store: CityStore
    private let cache = Mutex(Cache())

    init(store: CityStore) {
        self.store = store
    }

    /// The device of `request`'s bearer token if it has one of `roles`; else 401 or 403.
    func authenticate(_ request: Request, roles: Set<String>) throws(HTTPError) -> Device {
        guard let header = request.headers["Authorization"], header.hasPrefix("Bearer ") else {
            throw HTTPError(.unauthorized, "a bearer token is needed", headers: ["WWW-Authenticate": "Bearer"])
        }
        let digest = CityStore.digest(String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces))
        guard let device = device(digest) else {
            throw HTTPError(
                .unauthorized, "the token is not known to the city", headers: ["WWW-Authenticate": "Bearer"])
        }
        guard roles.contains(device.role) else {
            throw HTTPError(.forbidden, "a \(device.role) token may not use this route")
        }
        return device
    }

    /// The device whose token hashes to `digest`, nil for none.
    func device(_ digest: String) -> Device? {
        let (known, stale) = cache.withLock { ($0.devices[digest], Date().timeIntervalSince($0.readAt) >= 1) }
        if let known { return known }
        guard stale else { return nil }
        cache.withLock { $0.readAt = Date() }
        let store = store
        guard let devices = try? CityDatabase.wait({ try await store.devicesByDigest() }) else { return nil }
        cache.withLock { $0.devices = devices }
        return devices[digest]
    }
}
