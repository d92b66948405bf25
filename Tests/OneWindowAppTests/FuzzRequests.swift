import Foundation
import OneWindowHTTP
import OneWindowTesting
import PropertyBased

/// Random requests for the router and the daemon: methods, paths with traversal, encodings,
/// NULs and the API's own words, query pairs, headers (with real and broken tokens) and bodies.
///
/// The board stream (`/api/v1/events`) is never formed: it answers with a stream that never
/// ends, and has its own tests.
struct FuzzRequests: Sendable {
    /// Real tokens of each role, so requests get past authorization into the handlers.
    var tokens: [String]
    /// The route table's methods and patterns, so most requests reach a handler.
    var routes: [(method: String, pattern: String)]

    init(tokens: [String], routes: [Route]) {
        self.tokens = tokens
        self.routes = routes.map { ($0.method, $0.pattern) }.filter { !Self.formsEventStream($0.pattern) }
    }

    static let methods = ["GET", "GET", "HEAD", "POST", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "get", "BREW"]
    static let words = [
        "api", "v1", "services", "tickets", "windows", "hall", "categories", "queue", "openapi.json", "healthz",
        "guides", "board", "no-show", "transfer", "complete", "call-next", "recall", "pause", "resume", "close-day",
        "MZ-HY-001", "T-JZ-001", "T-HY-001", "1", "2", "0",
    ]
    static let awkwardSegments = [
        "..", ".", "%2e%2e", "%2F", "%00", "\0", "%", "%zz", "~", "*", "", "a b", "低保", "\u{202E}", ";", "?", "#",
        "..%2f..%2fetc%2fpasswd", String(repeating: "x", count: 300), "index.php", ".env",
    ]

    /// A route's pattern with its `{parameters}` filled in, mostly with the API's own words.
    func routePath(_ pattern: String, using rng: inout some RandomNumberGenerator) -> String {
        "/"
            + pattern.split(separator: "/").map { part in
                guard part.hasPrefix("{") else { return String(part) }
                switch Int.random(in: 0..<4, using: &rng) {
                case 0, 1: return Self.words.randomElement(using: &rng)!
                case 2: return Self.awkwardSegments.randomElement(using: &rng)!
                default: return FuzzJSON.randomString(using: &rng)
                }
            }.joined(separator: "/")
    }

    func path(using rng: inout some RandomNumberGenerator) -> String {
        var segments: [String] = []
        // Often a real prefix, so the random part lands on real routes.
        if Bool.random(using: &rng) { segments = ["api", "v1"] }
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            switch Int.random(in: 0..<6, using: &rng) {
            case 0, 1, 2: segments.append(Self.words.randomElement(using: &rng)!)
            case 3, 4: segments.append(Self.awkwardSegments.randomElement(using: &rng)!)
            default: segments.append(FuzzJSON.randomString(using: &rng))
            }
        }
        let joined = segments.joined(separator: "/")
        let path = ["/", "/", "/", "//", ""].randomElement(using: &rng)! + joined
        return Self.formsEventStream(path) ? "/api/v1/events/x" : path
    }

    static func formsEventStream(_ path: String) -> Bool {
        path.split(separator: "/") == ["api", "v1", "events"]
    }

    func query(using rng: inout some RandomNumberGenerator) -> [(name: String, value: String)] {
        // Mostly none or the known ones: any other is answered 400 before the handler runs.
        let count = [0, 0, 0, 0, 0, 1, 2, 3].randomElement(using: &rng)!
        return (0..<count).map { _ in
            let name = ["q", "q", "q", "category", "category", "x", "", FuzzJSON.randomString(using: &rng)]
                .randomElement(using: &rng)!
            return (name, FuzzJSON.randomString(using: &rng))
        }
    }

    func headers(using rng: inout some RandomNumberGenerator) -> HTTPHeaders {
        var headers = HTTPHeaders()
        let token = tokens.randomElement(using: &rng) ?? ""
        let choices: [(String, [String])] = [
            (
                "Authorization",
                ["Bearer \(token)", "Bearer \(token)", "Bearer ow_x", "Bearer", "Basic YTpi", "bearer \(token)"]
            ),
            (
                "Content-Type",
                ["application/json", "application/json; charset=utf-8", "text/plain", "APPLICATION/JSON", ""]
            ),
            ("If-None-Match", ["*", "\"x\"", "W/\"x\""]),
            ("Idempotency-Key", ["", "k", String(repeating: "k", count: 201)]),
            ("Last-Event-ID", ["0", "-1", "99999999999999999999", "x"]),
            ("X-Anything", ["", "\u{1}"]),
        ]
        for (name, values) in choices where Int.random(in: 0..<3, using: &rng) == 0 {
            let value =
                Bool.random(using: &rng) ? values.randomElement(using: &rng)! : FuzzJSON.randomString(using: &rng)
            headers.add(name, value)
        }
        return headers
    }

    func body(using rng: inout some RandomNumberGenerator) -> Data {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0, 1: return Data()
        case 2: return FuzzJSON.random(keys: ["serviceId", "priority", "window", "outcome"], using: &rng).data
        case 3: return Data(#"{"serviceId":"T-JZ-001","window":"1","outcome":"completed"}"#.utf8)
        case 4: return Data(#"{"serviceId":"T-JZ-001"}"#.utf8).mutatedBytes(using: &rng)
        default:
            return Data((0..<Int.random(in: 1...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
        }
    }

    /// A whole random request, as the router sees it (path and query already decoded).
    var request: Generator<Request, Shrink.None<Request>> {
        Generator { rng in
            var method = Self.methods.randomElement(using: &rng)!
            var path: String
            if Int.random(in: 0..<4, using: &rng) > 0, let route = routes.randomElement(using: &rng) {
                if Int.random(in: 0..<5, using: &rng) > 0 { method = route.method }
                path = routePath(route.pattern, using: &rng)
                if Self.formsEventStream(path) { path = "/api/v1/events/x" }
            } else {
                path = self.path(using: &rng)
            }
            // A body where none belongs is answered 400 before the handler runs: mostly none then.
            let body = method == "POST" || Int.random(in: 0..<5, using: &rng) == 0 ? self.body(using: &rng) : Data()
            var headers = self.headers(using: &rng)
            // Mostly what a real client sends, so requests get past the router into the handlers.
            if method == "POST", headers["Authorization"] == nil, Int.random(in: 0..<3, using: &rng) > 0 {
                headers.add("Authorization", "Bearer \(tokens.randomElement(using: &rng) ?? "")")
            }
            if !body.isEmpty, headers["Content-Type"] == nil, Int.random(in: 0..<4, using: &rng) > 0 {
                headers.add("Content-Type", "application/json")
            }
            return Request(method: method, path: path, query: query(using: &rng), headers: headers, body: body)
        }
    }
}
