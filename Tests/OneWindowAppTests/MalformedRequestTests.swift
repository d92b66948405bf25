import Foundation
import OneWindowTesting
import Testing

/// Requests that are wrong in one way each, answered with the right status and error body,
/// and a daemon that stays healthy after all of them.
@Suite("Malformed requests", .timeLimit(.minutes(2)))
struct MalformedRequestTests {
    @Test("each malformed request gets its status and error code")
    func statuses() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.http.maxBodyBytes = 2048 }
        defer { app.stop() }
        let client = app.client
        let cases: [(name: String, response: TestResponse, status: Int, code: String)] = [
            ("unknown path", try client.get("/api/v2/services"), 404, "route_not_found"),
            ("wrong method", try client.send("POST", "/api/v1/services"), 405, "method_not_allowed"),
            ("DELETE a guide", try client.send("DELETE", "/api/v1/services/T-HY-001"), 405, "method_not_allowed"),
            (
                "oversize body", try client.send("POST", "/api/v1/services", body: Data(count: 10_000)), 413,
                "body_too_large"
            ),
            (
                "body on a GET", try client.send("GET", "/api/v1/services", body: Data("{}".utf8)), 400,
                "body_not_allowed"
            ),
            ("unknown query parameter", try client.get("/api/v1/services?qq=1"), 400, "unknown_parameter"),
            ("repeated query parameter", try client.get("/api/v1/services?q=a&q=b"), 400, "invalid_parameter"),
            (
                "query too long", try client.get("/api/v1/services?q=" + String(repeating: "a", count: 101)), 400,
                "invalid_parameter"
            ),
            ("parameter on a path that takes none", try client.get("/api/v1/hall?x=1"), 400, "unknown_parameter"),
            ("unknown parameter on a list", try client.get("/api/v1/categories?page=2"), 400, "unknown_parameter"),
        ]
        for test in cases {
            #expect(test.response.status == test.status, "\(test.name): status \(test.response.status)")
            #expect(test.response.errorCode == test.code, "\(test.name): body \(test.response.text)")
            #expect(test.response.headers["content-type"] == "application/json; charset=utf-8", "\(test.name)")
        }
        let allow = try client.send("PUT", "/healthz").headers["allow"]
        #expect(allow == "GET, HEAD")
    }

    @Test(
        "garbage on the wire is answered 4xx (505 for an unknown HTTP version) or dropped, and the daemon keeps serving"
    )
    func smoke() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let junk: [String] = [
            "GARBAGE\r\n\r\n",
            "GET / HTTP/9.9\r\nHost: x\r\n\r\n",
            "GET /api/v1/services HTTP/1.1\r\n\r\n",  // HTTP/1.1 without Host
            "GET /api/v1/services HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
            "GET /" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /guides/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /api/v1/services?q=%E4%BD HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "POST /api/v1/services HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        ]
        for request in junk {
            if let response = try? app.client.sendRaw(Data(request.utf8)) {
                let fits =
                    (400..<500).contains(response.status) || (request.contains("HTTP/9.9") && response.status == 505)
                #expect(fits, "“\(request.prefix(60))” got \(response.status)")
            }
        }
        #expect(try app.client.get("/healthz").status == 200)
    }
}
