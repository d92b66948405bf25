import OneWindowHTTP

/// Cross-site posting of the hall's public forms: a form posted from another site's page is
/// refused. Browsers send `Sec-Fetch-Site` (and `Origin`) with every form POST; a request
/// without them (an old browser, a script) is let through, since the form's own secret (the
/// ticket id in its path) is what a forger would lack.
enum FormOrigin {
    /// Whether the post came from a page of this host. `Sec-Fetch-Site` decides when the
    /// browser sends it, so a reverse proxy that rewrites `Host` does not matter; otherwise
    /// `Origin` must name `Host` or the proxy's `X-Forwarded-Host`.
    static func isSameSite(_ request: Request) -> Bool {
        if let site = request.headers["Sec-Fetch-Site"]?.lowercased() {
            return site == "same-origin" || site == "none"
        }
        guard let origin = request.headers["Origin"] else { return true }
        guard let scheme = origin.range(of: "://") else { return false }
        let named = origin[scheme.upperBound...].lowercased()
        let hosts = [request.headers["Host"], request.headers["X-Forwarded-Host"]].compactMap { $0?.lowercased() }
        return hosts.contains(named)
    }
}
