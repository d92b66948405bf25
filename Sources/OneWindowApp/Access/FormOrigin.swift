import OneWindowHTTP

/// Cross-site posting of the hall's public forms: a form posted from another site's page is
/// refused. Browsers send `Origin` (and `Sec-Fetch-Site`) with every form POST; a request
/// without them (an old browser, a script) is let through, since the form's own secret (the
/// ticket id in its path) is what a forger would lack.
enum FormOrigin {
    /// Whether the post came from a page of this host.
    static func isSameSite(_ request: Request) -> Bool {
        if let site = request.headers["Sec-Fetch-Site"]?.lowercased(), site != "same-origin", site != "none" {
            return false
        }
        guard let origin = request.headers["Origin"] else { return true }
        guard let host = request.headers["Host"]?.lowercased(), let scheme = origin.range(of: "://") else {
            return false
        }
        return origin[scheme.upperBound...].lowercased() == host
    }
}
