import OneWindowHTTP

/// Error codes of device access, added to the HTTP layer's registry.
extension HTTPError.Code {
    /// No usable token: missing, malformed, unknown or revoked. Answered with `WWW-Authenticate`.
    public static let unauthorized = HTTPError.Code(name: "unauthorized", status: 401)
    /// A valid token whose device role may not use this endpoint.
    public static let forbidden = HTTPError.Code(name: "forbidden", status: 403)
}
