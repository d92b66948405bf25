import OneWindowHTTP

/// What a signed-in page checks its tokens against: the hall's admin tokens (SQLite) for
/// `/manage`, the city's reader tokens (PostgreSQL) for `/city`. `ManageSessions` keeps the
/// sessions, the cookie and the sign-in throttle; this says only whose token it is.
package protocol SessionTokens: Sendable {
    /// The name of `token`'s holder, shown on the page. 401 for a token not known (or revoked),
    /// 403 for one whose role may not sign in here. `request` is the sign-in form's, for the
    /// failure log's client address.
    func holder(of token: String, request: Request) throws(HTTPError) -> String

    /// Whether the token whose SHA-256 (hex) is `tokenHash` still signs in. Asked on every
    /// request of a session, so that revoking a token ends its sessions. 503 when the tokens
    /// cannot be read (the city's PostgreSQL down).
    func isLive(tokenHash: String) throws(HTTPError) -> Bool
}
