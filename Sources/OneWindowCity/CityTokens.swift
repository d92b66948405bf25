import Foundation
import Logging
import OneWindowHTTP

/// The bearer tokens the city accepts, looked up in PostgreSQL on every request (one point
/// query on a unique index, about as dear as the request's own read or write), so that a token
/// removed (`reader-remove`) or replaced (`hall-token`) is refused by every city service from
/// the next request on, and a hall added (`hall-add`) is accepted at once. No cache: several
/// city services cannot keep one fresh without asking PostgreSQL anyway.
final class CityTokens: Sendable {
    private let store: CityStore
    private let logger: Logger

    init(store: CityStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// The device of `request`'s bearer token if it has one of `roles`; else 401 or 403, and
    /// 503 when PostgreSQL does not answer.
    func authenticate(_ request: Request, roles: Set<String>) throws(HTTPError) -> Device {
        guard let header = request.headers["Authorization"], header.hasPrefix("Bearer ") else {
            throw HTTPError(.unauthorized, "a bearer token is needed", headers: ["WWW-Authenticate": "Bearer"])
        }
        let digest = CityStore.digest(String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces))
        guard let device = try device(digest) else {
            throw HTTPError(
                .unauthorized, "the token is not known to the city", headers: ["WWW-Authenticate": "Bearer"])
        }
        guard roles.contains(device.role) else {
            throw HTTPError(.forbidden, "a \(device.role) token may not use this route")
        }
        return device
    }

    /// The device whose token hashes to `digest`, nil for none; 503 when PostgreSQL does not answer.
    func device(_ digest: String) throws(HTTPError) -> Device? {
        let store = store
        do {
            return try CityDatabase.wait(timeout: CityRoutes.databaseSeconds) { try await store.device(digest: digest) }
        } catch {
            logger.warning("token lookup failed: \(error)")
            throw CityRoutes.unavailable
        }
    }
}
