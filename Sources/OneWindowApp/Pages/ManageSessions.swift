import Foundation
import OneWindowHTTP
import Synchronization

/// Signed-in hall managers of `/manage`. The admin token is posted once, in a form; the
/// browser then holds a random session id in an HttpOnly, SameSite=Strict cookie limited to
/// `/manage`, so the token is never in a URL, a page or a script's reach, and no other site
/// can make the browser use the session.
///
/// Sessions live in memory only (a restart signs everyone out) and end after `lifetime`, at
/// sign-out, or as soon as their admin token is revoked (each request checks the token as the
/// API does). Only a hash of each session id is kept.
final class ManageSessions: Sendable {
    struct Session: Sendable {
        /// The admin token's hash: checked again on each request.
        var tokenHash: String
        var device: String
        var expires: Date
        /// Sent back by every form of the page: a form posted from elsewhere lacks it.
        var csrf: String
    }

    static let cookieName = "ow_manage"
    /// A working day; then the manager signs in again.
    static let lifetime: TimeInterval = 8 * 3600
    /// More live sessions than any hall has managers; the oldest goes first.
    static let limit = 200

    private let sessions = Mutex<[String: Session]>([:])
    private let clock: @Sendable () -> Date
    /// Failed sign-ins per client address (`ManageSessions+SignIn`).
    let failures: RateLimiter

    init(clock: @escaping @Sendable () -> Date) {
        self.clock = clock
        failures = RateLimiter(rule: Self.failedSignIns, clock: clock)
    }

    /// Opens a session for the device whose token hashes to `tokenHash`; returns the cookie's value.
    func open(tokenHash: String, device: String) -> String {
        let id = String(DeviceTokens.generate().dropFirst(DeviceTokens.prefix.count))
        let now = clock()
        sessions.withLock { all in
            all = all.filter { $0.value.expires > now }
            if all.count >= Self.limit, let oldest = all.min(by: { $0.value.expires < $1.value.expires }) {
                all[oldest.key] = nil
            }
            all[DeviceTokens.hash(id)] = Session(
                tokenHash: tokenHash, device: device, expires: now.addingTimeInterval(Self.lifetime),
                csrf: String(DeviceTokens.generate().dropFirst(DeviceTokens.prefix.count)))
        }
        return id
    }

    /// The live session the request's cookie names, if any.
    func session(for request: Request) -> Session? {
        guard let id = Self.cookie(in: request) else { return nil }
        let key = DeviceTokens.hash(id)
        let now = clock()
        return sessions.withLock { all in
            guard let session = all[key] else { return nil }
            guard session.expires > now else {
                all[key] = nil
                return nil
            }
            return session
        }
    }

    /// Ends the request's session, if it has one.
    func close(_ request: Request) {
        guard let id = Self.cookie(in: request) else { return }
        _ = sessions.withLock { $0.removeValue(forKey: DeviceTokens.hash(id)) }
    }

    /// The `Set-Cookie` value for a new session. `Secure` when the request came over TLS through
    /// a proxy that says so (`X-Forwarded-Proto: https`); on the hall's plain-HTTP network
    /// without a proxy a Secure cookie would never be sent back.
    static func setCookie(_ id: String, for request: Request) -> String {
        "\(cookieName)=\(id); Path=/manage; Max-Age=\(Int(lifetime)); HttpOnly; SameSite=Strict" + secure(request)
    }

    /// The `Set-Cookie` value that removes the session cookie.
    static func clearCookie(for request: Request) -> String {
        "\(cookieName)=; Path=/manage; Max-Age=0; HttpOnly; SameSite=Strict" + secure(request)
    }

    private static func secure(_ request: Request) -> String {
        request.headers["X-Forwarded-Proto"]?.lowercased() == "https" ? "; Secure" : ""
    }

    private static func cookie(in request: Request) -> String? {
        guard let header = request.headers["Cookie"] else { return nil }
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == cookieName, !parts[1].isEmpty, parts[1].utf8.count <= 128 {
                return parts[1]
            }
        }
        return nil
    }
}
