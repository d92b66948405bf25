import Foundation
import OneWindowHTTP

/// What stands before a sign-in on `/manage` or `/city`: a client that keeps guessing tokens
/// is slowed down, and a form posted from another site is refused.
extension ManageSessions {
    /// Failed sign-ins one client (IP address) may make: 5 at once, then one more every 3
    /// minutes (5 per 15 minutes). Behind a reverse proxy every client has the proxy's address,
    /// so the limit is the whole hall's; a manager locked out waits as long.
    package static let failedSignIns = RateLimiter.Rule(perMinute: 5.0 / 15.0, burst: 5)

    /// Seconds before `client` may try again; nil while it may. 503 when the throttle cannot answer.
    package func signInWait(client: String) throws(HTTPError) -> Int? { try failures.wait(client: client) }

    /// Counts a failed sign-in of `client`. A throttle that cannot count (PostgreSQL down just
    /// now) loses this one count: the sign-in is refused all the same.
    func signInFailed(client: String) { try? failures.failed(client: client) }

    /// Signs in with `token`, posted by `request`'s form: the new session's cookie value and
    /// the holder's name. A token `tokens` refuses counts as a failed sign-in of the client and
    /// throws its 401 or 403; a store or tokens that cannot answer throw 503, and count for nothing.
    package func signIn(token: String, request: Request) throws(HTTPError) -> (id: String, device: String) {
        let device: String
        do throws(HTTPError) {
            device = try tokens.holder(of: token, request: request)
        } catch {
            if error.status == 401 || error.status == 403 { signInFailed(client: request.clientAddress) }
            throw error
        }
        return (try open(tokenHash: DeviceTokens.hash(token), device: device), device)
    }

    /// The origin the form came from when it is not this site's, or nil when it is. A browser
    /// sends `Origin` with every form POST; a foreign (or `null`) one is a page elsewhere trying
    /// to sign in or out through this browser. Without `Origin`, a `Referer` must be this site's;
    /// with neither, the request is not a browser's form, and a cross-site forgery needs one.
    package static func foreignOrigin(of request: Request) -> String? {
        let host = (request.headers["Host"] ?? "").lowercased()
        if let origin = request.headers["Origin"] {
            return authority(of: origin) == host && !host.isEmpty ? nil : origin
        }
        if let referer = request.headers["Referer"] {
            return authority(of: referer) == host && !host.isEmpty ? nil : referer
        }
        return nil
    }

    /// `host[:port]` of an `http` or `https` URL, lower-cased; nil for anything else (`null`).
    private static func authority(of text: String) -> String? {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else { return nil }
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return (bracketed + (url.port.map { ":\($0)" } ?? "")).lowercased()
    }
}
