import Foundation
import OneWindowHTTP
import OneWindowTesting
import PropertyBased
import Testing

/// The router of the real application never crashes and always answers: a status, and for
/// every error the JSON error body, but on the pages, which answer people with HTML. Inputs
/// are random each run; a failure prints the `.fixedSeed(…)` that repeats it.
@Suite("Fuzzing the router", .serialized, .timeLimit(.minutes(2)))
struct RouterFuzzTests {
    let app: TestApplication
    let requests: FuzzRequests
    /// The routes whose errors are HTML pages.
    let pagePatterns: [String]

    init() throws {
        app = try TestApplication(catalogue: Fixtures.validCatalogue)
        let tokens = [
            try app.createToken(role: .kiosk, name: "kiosk"), try app.createToken(role: .clerk, name: "clerk"),
            try app.createToken(role: .admin, name: "admin"),
        ]
        requests = FuzzRequests(tokens: tokens, routes: app.application.router.routes)
        pagePatterns = app.application.router.routes.filter { $0.errorPage != nil }.map(\.pattern)
    }

    @Test("random requests straight to the router get a status, and errors the JSON error body")
    func router() async {
        defer { app.stop() }
        let router = app.application.router
        await propertyCheck(count: 1500, input: requests.request) { request in
            // Each case gives the few task threads back: other tests wait on them.
            await Task.yield()
            let response = router.respond(to: request)
            check(
                status: response.status, contentType: response.headers["Content-Type"], body: response.body,
                allow: response.headers["Allow"], path: request.path)
        }
    }

    @Test("random requests over HTTP, paths and queries percent-encoded, get a status, and errors the JSON error body")
    func overHTTP() async throws {
        defer { app.stop() }
        let requests = self.requests
        let input = Generator<
            (String, String, [String: String], Data), Shrink.None<(String, String, [String: String], Data)>
        > {
            rng in
            let request = requests.request.run(using: &rng)
            var target = Self.encoded(request.path.hasPrefix("/") ? request.path : "/" + request.path)
            if !request.query.isEmpty {
                target +=
                    "?"
                    + request.query.map { Self.encoded($0.name) + "=" + Self.encoded($0.value) }.joined(separator: "&")
            }
            var headers: [String: String] = [:]
            // Header values on the wire are printable ASCII here; raw bytes are the hostile-input suite's.
            for field in request.headers.all
            where field.value.unicodeScalars.allSatisfy({ (0x20...0x7e).contains($0.value) }) {
                headers[field.name] = field.value
            }
            let method = request.method.isEmpty ? "GET" : request.method
            return (method, target, headers, request.body)
        }
        await propertyCheck(count: 300, input: input) { method, target, headers, body in
            // Each case gives the few task threads back: other tests wait on them.
            await Task.yield()
            do {
                let response = try app.client.send(method, target, headers: headers, body: body)
                check(
                    status: response.status, contentType: response.headers["content-type"],
                    body: method == "HEAD" ? nil : response.body, allow: response.headers["allow"],
                    path: Self.decodedPath(target))
            } catch {
                Issue.record("\(method) \(target): no answer: \(error)")
            }
        }
        #expect(try app.client.get("/healthz").status == 200, "the daemon serves on after the fuzzing")
    }

    /// Percent-encodes everything but unreserved characters and `/`, as a careful client would.
    static func encoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// The path of a request target, without its query, percent-decoded.
    static func decodedPath(_ target: String) -> String {
        let path = String(target.prefix { $0 != "?" })
        return path.removingPercentEncoding ?? path
    }

    /// Whether `path` has the shape of the route pattern (`{name}` takes any one segment).
    /// Split at every `/` scalar, as the router splits: by Character, a `/` followed by a
    /// combining mark would be one grapheme and not a separator.
    static func matches(_ path: String, _ pattern: String) -> Bool {
        let parts = path.unicodeScalars.split(separator: "/").map { String(String.UnicodeScalarView($0)) }
        let segments = pattern.split(separator: "/")
        return parts.count == segments.count
            && zip(parts, segments).allSatisfy { part, segment in segment.hasPrefix("{") || part == String(segment) }
    }

    /// - Parameter body: nil when there is none to check (HEAD).
    func check(
        status: Int, contentType: String?, body: Data?, allow: String?, path: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect((100...599).contains(status), "status \(status)", sourceLocation: sourceLocation)
        #expect(status != 500, "an internal error for \(path)", sourceLocation: sourceLocation)
        if status == 405 { #expect(allow?.isEmpty == false, "405 without Allow", sourceLocation: sourceLocation) }
        guard status >= 400, let body else { return }
        // The pages answer people with HTML error pages, by design; the API with JSON.
        if contentType?.hasPrefix("text/html") == true, pagePatterns.contains(where: { Self.matches(path, $0) }) {
            return
        }
        #expect(
            contentType?.hasPrefix("application/json") == true, "\(status) for \(path) as \(contentType ?? "nothing")",
            sourceLocation: sourceLocation)
        let error = (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["error"] as? [String: Any]
        let code = error?["code"] as? String ?? ""
        #expect(
            !code.isEmpty && code.allSatisfy { $0 == "_" || ("a"..."z").contains($0) },
            "\(status) without a snake_case code: \(String(decoding: body, as: UTF8.self).prefix(200))",
            sourceLocation: sourceLocation)
        #expect(
            (error?["message"] as? String)?.isEmpty == false, "\(status) without a message",
            sourceLocation: sourceLocation)
    }
}
