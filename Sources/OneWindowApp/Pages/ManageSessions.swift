import Foundation
import OneWindowHTTP

/// Signed-in users of a page behind a token: the hall's managers on `/manage`, the city's
/// readers on `/city`. The token is posted once, in a form; the browser then holds a random
/// session id in an HttpOnly, SameSite=Strict cookie limited to the page's path, so the token
/// is never in a URL, a page or a script's reach, and no other site can make the browser use
/// the session.
///
/// Sessions are kept by a `SessionStore` (the hall's in memory, the city's in PostgreSQL) and
/// end after `lifetime`, at sign-out, or as soon as their token is revoked (each request asks
/// `tokens` again, as the API does). Only a hash of each session id is kept.
package final class ManageSessions: Sendable {
    package struct Session: Sendable, Equatable {
        /// The token's hash: checked again on each request.
        package var tokenHash: String
        package var device: String
        package var expires: Date
        /// Sent back by every form of the page: a form posted from elsewhere lacks it.
        package var csrf: String

        package init(tokenHash: String, device: String, expires: Date, csrf: String) {
            self.tokenHash = tokenHash
            self.device = device
            self.expires = expires
            self.csrf = csrf
        }
    }

    /// The cookie's name and the path it is limited to (`ow_manage` on `/manage`).
    package let cookieName: String
    package let path: String
    /// A working day; then the manager signs in again.
    static let lifetime: TimeInterval = 8 * 3600
    /// More live sessions than any hall has managers; the oldest goes first.
    static let limit = 200

    private let store: any SessionStore
    private let clock: @Sendable () -> Date
    /// What a token is checked against, at sign-in and on every request.
    let tokens: any SessionTokens
    /// Failed sign-ins per client address (`ManageSessions+SignIn`).
    let failures: any SignInThrottle

    package init(
        path: String = "/manage", cookieName: String = "ow_manage", tokens: any SessionTokens,
        store: any SessionStore = MemorySessionStore(), throttle: (any SignInThrottle)? = nil,
        clock: @escaping @Sendable () -> Date
    ) {
        self.store = store
        self.path = path
        self.cookieName = cookieName
        self.tokens = tokens
        self.clock = clock
        failures = throttle ?? MemorySignInThrottle(rule: Self.failedSignIns, clock: clock)
    }

    /// Opens a session for the device whose token hashes to `tokenHash`; returns the cookie's value.
    func open(tokenHash: String, device: String) throws(HTTPError) -> String {
        let id = String(DeviceTokens.generate().dropFirst(DeviceTokens.prefix.count))
        let now = clock()
        let session = Session(
            tokenHash: tokenHash, device: device, expires: now.addingTimeInterval(Self.lifetime),
            csrf: String(DeviceTokens.generate().dropFirst(DeviceTokens.prefix.count)))
        try store.insert(session, key: DeviceTokens.hash(id), now: now, limit: Self.limit)
        return id
    }

    /// The live session the request's cookie names, while its token still signs in; a session
    /// whose token was revoked is closed. 503 when the store or the tokens cannot answer.
    package func session(for request: Request) throws(HTTPError) -> Session? {
        guard let id = cookie(in: request) else { return nil }
        let key = DeviceTokens.hash(id)
        guard let session = try store.session(key: key, now: clock()) else { return nil }
        guard try tokens.isLive(tokenHash: session.tokenHash) else {
            try store.remove(key: key)
            return nil
        }
        return session
    }

    /// Ends the request's session, if it has one.
    package func close(_ request: Request) throws(HTTPError) {
        guard let id = cookie(in: request) else { return }
        try store.remove(key: DeviceTokens.hash(id))
    }

    /// The `Set-Cookie` value for a new session. `Secure` when the request came over TLS through
    /// a proxy that says so (`X-Forwarded-Proto: https`); on the hall's plain-HTTP network
    /// without a proxy a Secure cookie would never be sent back.
    package func setCookie(_ id: String, for request: Request) -> String {
        "\(cookieName)=\(id); Path=\(path); Max-Age=\(Int(Self.lifetime)); HttpOnly; SameSite=Strict"
            + Self.secure(request)
    }

    /// The `Set-Cookie` value that removes the session cookie.
    package func clearCookie(for request: Request) -> String {
        "\(cookieName)=; Path=\(path); Max-Age=0; HttpOnly; SameSite=Strict" + Self.secure(request)
    }

    private static func secure(_ request: Request) -> String {
        request.headers["X-Forwarded-Proto"]?.lowercased() == "https" ? "; Secure" : ""
    }

    private func cookie(in request: Request) -> String? {
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
