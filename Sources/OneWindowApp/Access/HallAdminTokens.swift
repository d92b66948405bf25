import OneWindowHTTP

/// `/manage`'s tokens: the hall's admin device tokens, checked as the API checks them (the
/// same cache, the same failure log).
struct HallAdminTokens: SessionTokens {
    let state: AppState

    func holder(of token: String, request: Request) throws(HTTPError) -> String {
        var probe = request
        probe.headers = ["Authorization": "Bearer \(token)"]
        return try state.authorize(probe, roles: [.admin]).name
    }

    func isLive(tokenHash: String) -> Bool {
        let record = try? state.tokens.record(for: tokenHash) { try state.storage.deviceToken(hash: $0) }
        return record?.role == .admin
    }
}
