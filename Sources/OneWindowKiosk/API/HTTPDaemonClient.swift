import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The daemon's HTTP API over URLSession, with the device token on every request.
public struct HTTPDaemonClient: DaemonAPI {
    public let baseURL: URL
    let token: String?
    let session: URLSession
    /// How `issue` keeps trying: long enough for a daemon restart, and the applicant can go home.
    public let issueBackoff: Backoff

    public init(baseURL: URL, token: String?, timeoutSeconds: Double = 10, issueBackoff: Backoff = Backoff()) {
        self.baseURL = baseURL
        self.token = token
        self.issueBackoff = issueBackoff
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeoutSeconds
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    /// Sends one request; answers the status and body of a 2xx, throws for everything else.
    func send(
        _ method: String, _ path: String, query: [URLQueryItem] = [], body: (some Encodable)? = Empty?.none,
        headers: [String: String] = [:]
    ) async throws(DaemonError) -> (status: Int, body: Data) {
        var components = URLComponents(url: baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false)
        if !query.isEmpty { components?.queryItems = query }
        guard let url = components?.url else { throw .badAnswer("bad URL for \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try? JSONEncoder().encode(body)
        }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            if error is CancellationError { throw .cancelled }
            throw .unreachable(error.localizedDescription)
        }
        guard let http = response as? HTTPURLResponse else { throw .badAnswer("not HTTP") }
        if (200..<300).contains(http.statusCode) { return (http.statusCode, data) }
        let failure = try? JSONDecoder().decode(ErrorBody.self, from: data)
        let code = failure?.error.code ?? "http_\(http.statusCode)"
        switch http.statusCode {
        case 429, 502, 503, 504:
            let retryAfter = (http.value(forHTTPHeaderField: "Retry-After")).flatMap(Double.init)
            throw .busy(status: http.statusCode, code: code, retryAfter: retryAfter)
        default:
            throw .rejected(status: http.statusCode, code: code, message: failure?.error.message ?? "")
        }
    }

    /// Decodes a 2xx body as `T`.
    func get<T: Decodable>(_ path: String, query: [URLQueryItem] = [], as type: T.Type) async throws(DaemonError) -> T {
        try decode(T.self, try await send("GET", path, query: query).body)
    }

    func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws(DaemonError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw .badAnswer("\(T.self): \(error)")
        }
    }

    struct Empty: Encodable {}

    struct ErrorBody: Decodable {
        struct Detail: Decodable {
            var code: String
            var message: String
        }

        var error: Detail
    }
}
