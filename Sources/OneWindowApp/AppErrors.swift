import OneWindowHTTP

/// Error codes of the hall's API, added to the HTTP layer's registry.
extension HTTPError.Code {
    public static let serviceNotFound = HTTPError.Code(name: "service_not_found", status: 404)
}

/// Error codes of device access and of ratings (好差评).
extension HTTPError.Code {
    /// A clerk or pad token made before tokens were bound to a window: it is refused everywhere.
    public static let tokenUnbound = HTTPError.Code(name: "token_unbound", status: 403)
    /// A kiosk rating without the receipt's evaluation code, or with a wrong one.
    public static let evaluationCodeInvalid = HTTPError.Code(name: "evaluation_code_invalid", status: 403)
    /// Too many wrong evaluation codes for one ticket, or from one device; see `Retry-After`.
    public static let evaluationCodeLocked = HTTPError.Code(name: "evaluation_code_locked", status: 429)
    /// A pad rating a visit that ended more than 10 minutes ago.
    public static let evaluationTooLate = HTTPError.Code(name: "evaluation_too_late", status: 409)
    public static let unknownReason = HTTPError.Code(name: "unknown_reason", status: 422)
    public static let reasonsRequired = HTTPError.Code(name: "reasons_required", status: 422)
    /// A rating posted to the ticket page from another site.
    public static let crossSiteForm = HTTPError.Code(name: "cross_site_form", status: 403)
}
