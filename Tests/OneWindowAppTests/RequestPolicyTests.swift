import Foundation
import OneWindowApp
import OneWindowTesting
import Testing

/// Per-request policy: rate limits, request ids, the access log, security headers.
@Suite("Request policy", .timeLimit(.minutes(2)))
struct RequestPolicyTests {
    @Test("a kiosk that takes tickets faster than its limit gets 429 with Retry-After; other kiosks do not")
    func rateLimit() throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_852_800))
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.clock = { clock.read() }
            $0.issueRateLimit = IssueRateLimit(perMinute: 30, burst: 3)
        }
        defer { app.stop() }
        let busy = try app.createToken(role: .kiosk, name: "busy")
        let calm = try app.createToken(role: .kiosk, name: "calm")
        for _ in 0..<3 { #expect(try app.issue(token: busy, service: "T-JZ-001").status == 201) }
        let limited = try app.issue(token: busy, service: "T-JZ-001")
        #expect(limited.status == 429 && limited.errorCode == "rate_limited", "\(limited.text)")
        #expect(limited.headers["retry-after"] == "2")
        #expect(try app.issue(token: calm, service: "T-JZ-001").status == 201)
        clock.advance(2)
        #expect(try app.issue(token: busy, service: "T-JZ-001").status == 201)
        #expect(app.application.state.queue.read(\.tickets.count) == 5)
    }

    @Test("each request gets one access log line with method, route pattern, status, time and id, never a token")
    func accessLog() throws {
        let log = CapturedLog()
        let app = try TestApplication(catalogue: Fixtures.validCatalogue, logger: log.logger())
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        let issued = try app.issue(token: kiosk, service: "T-JZ-001")
        let lookup = try app.client.get("/api/v1/services/T-JZ-001?")
        _ = try app.client.get("/api/v1/services/NOPE", headers: ["X-Request-Id": "proxy-42"])
        var lines: [CapturedLog.Line] = []
        for _ in 0..<100 where lines.count < 3 {
            lines = log.all.filter { $0.message == "request" }
            if lines.count < 3 { Thread.sleep(forTimeInterval: 0.01) }
        }
        #expect(lines.count == 3)
        let post = try #require(lines.first { $0.metadata["method"] == "POST" })
        #expect(post.metadata["route"] == "/api/v1/tickets" && post.metadata["status"] == "201")
        #expect(post.metadata["request_id"] == issued.headers["x-request-id"])
        #expect(post.metadata["ms"].flatMap(Double.init) != nil)
        let get = try #require(lines.first { $0.metadata["status"] == "200" })
        #expect(get.metadata["route"] == "/api/v1/services/{id}")
        #expect(get.metadata["request_id"] == lookup.headers["x-request-id"])
        #expect(lines.contains { $0.metadata["request_id"] == "proxy-42" && $0.metadata["status"] == "404" })
        for line in log.all {
            #expect(!"\(line.message) \(line.metadata)".contains(kiosk.dropFirst(3)), "a token in the log: \(line)")
        }
    }

    @Test("every answer carries X-Request-Id; an unsafe one from the client is replaced")
    func requestIds() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let a = try app.client.get("/healthz").headers["x-request-id"]
        let b = try app.client.get("/api/v1/nothing").headers["x-request-id"]
        #expect(a != nil && b != nil && a != b)
        let unsafe = try app.client.get("/healthz", headers: ["X-Request-Id": "<script>alert(1)</script>"])
        #expect(unsafe.headers["x-request-id"]?.contains("<") == false)
    }

    @Test("HTML pages carry a security policy, nosniff and a referrer policy; the board allows only its own script")
    func securityHeaders() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        for path in ["/", "/guides/T-JZ-001", "/board"] {
            let page = try app.client.get(path)
            #expect(page.headers["content-security-policy"]?.contains("default-src 'none'") == true, "\(path)")
            #expect(page.headers["x-content-type-options"] == "nosniff", "\(path)")
            #expect(page.headers["referrer-policy"] == "same-origin", "\(path)")
        }
        let board = try app.client.get("/board").headers["content-security-policy"] ?? ""
        #expect(board.contains("script-src 'sha256-") && board.contains("connect-src 'self'"))
        #expect(try app.client.get("/api/v1/hall").headers["content-security-policy"] == nil)
    }
}

/// Failed authentications: counted, and logged at most once per client every 10 seconds.
@Suite("Failed authentications", .timeLimit(.minutes(2)))
struct AuthFailureTests {
    @Test("twenty bad tokens from one client give one warning now with its count, and the next after 10 s")
    func rateLimitedLog() throws {
        let log = CapturedLog()
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_852_800))
        let app = try TestApplication(catalogue: Fixtures.validCatalogue, logger: log.logger(level: .warning)) {
            $0.clock = { clock.read() }
        }
        defer { app.stop() }
        for _ in 0..<20 {
            let refused = try app.post("/api/v1/tickets", token: "ow_guessing", json: #"{"serviceId":"T-JZ-001"}"#)
            #expect(refused.status == 401)
        }
        var warnings = log.all.filter { $0.message == "failed authentication" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.metadata["count"] == "1" && warnings.first?.metadata["client"] == "127.0.0.1")
        clock.advance(11)
        _ = try app.post("/api/v1/tickets", token: "ow_guessing", json: #"{"serviceId":"T-JZ-001"}"#)
        warnings = log.all.filter { $0.message == "failed authentication" }
        #expect(warnings.count == 2)
        #expect(warnings.last?.metadata["count"] == "20", "the 19 held back and this one")
    }
}
