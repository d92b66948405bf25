import OneWindowApp
import OneWindowHTTP

/// `/city`'s tokens: the city's reader tokens (role `city`, `onewindow-city reader-add`),
/// checked as the metrics API checks them, in PostgreSQL on each request.
struct CityReaderTokens: SessionTokens {
    let tokens: CityTokens

    func holder(of token: String, request: Request) throws(HTTPError) -> String {
        var probe = request
        probe.headers = ["Authorization": "Bearer \(token)"]
        return try tokens.authenticate(probe, roles: ["city"]).name
    }

    func isLive(tokenHash: String) throws(HTTPError) -> Bool {
        try tokens.device(tokenHash)?.role == "city"
    }
}
