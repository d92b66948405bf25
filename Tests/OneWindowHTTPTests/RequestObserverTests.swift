import Foundation
import Logging
import OneWindowHTTP
import OneWindowTesting
import Synchronization
import Testing

/// The server tells its request observer of each answered request: method, route pattern,
/// status and time, never the path.
@Suite("The request observer", .timeLimit(.minutes(2)))
struct RequestObserverTests {
    @Test("each answered request is reported with its route pattern and status, never its path")
    func reports() throws {
        let heard = Mutex<[RequestRecord]>([])
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.accessLog = false
        configuration.requestObservers = [{ request in heard.withLock { $0.append(request) } }]
        let router = Router(routes: [
            Route("GET", "/things/{id}") { request in
                guard request.pathParameter("id") == "42" else { throw HTTPError(.routeNotFound, "no such thing") }
                return .json(["id": 42])
            },
            Route("POST", "/forms", body: .form) { request in .json(try request.formValues()) },
        ])
        let server = HTTPServer(configuration: configuration, router: router, logger: Logger(label: "test"))
        defer { server.stop() }
        let client = TestHTTPClient(port: try server.start())
        #expect(try client.get("/things/42").status == 200)
        #expect(try client.get("/things/secret-7").status == 404)
        #expect(try client.get("/elsewhere/secret-8").status == 404)
        let form = try client.send(
            "POST", "/forms", headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data("token=a%2Bb+c&x=%E4%BD%8E".utf8))
        #expect(form.json["token"] as? String == "a+b c" && form.json["x"] as? String == "低")
        #expect(
            try client.send("POST", "/forms", headers: ["Content-Type": "text/plain"], body: Data("a".utf8)).status
                == 415)
        let deadline = Date().addingTimeInterval(5)
        while heard.withLock({ $0.count }) < 5, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        // Reported as each request completes, which need not be the order they were sent in.
        let requests = heard.withLock { $0 }
        let seen = requests.map { "\($0.method) \($0.route) \($0.status)" }.sorted()
        #expect(
            seen == [
                "GET - 404", "GET /things/{id} 200", "GET /things/{id} 404", "POST /forms 200", "POST /forms 415",
            ])
        #expect(requests.allSatisfy { $0.microseconds >= 0 && !$0.requestId.isEmpty })
    }
}
