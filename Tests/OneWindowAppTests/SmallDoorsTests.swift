import Foundation
import OneWindowTesting
import Testing

@testable import OneWindowApp

/// Small doors: the browser's error page for an undecodable path, the CSV's formula guard, and
/// the print date's handler allowed by the pages' own security policy.
@Suite("Small doors: error pages, CSV cells, the print date", .timeLimit(.minutes(2)))
struct SmallDoorsTests {
    @Test("a browser asking for a page with %00 or a raw NUL gets the HTML error page; an API client gets JSON")
    func invalidPathPage() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let browser = ["Accept": "text/html,application/xhtml+xml"]
        let page = try app.client.get("/guides/T-HY-001%00.php", headers: browser)
        #expect(page.status == 400 && page.headers["content-type"]?.hasPrefix("text/html") == true, "\(page.text)")
        #expect(page.text.contains("<!-- invalid_path -->") && page.text.contains("返回首页"))
        #expect(page.headers["content-security-policy"]?.contains("default-src 'none'") == true)
        let query = try app.client.get("/?q=%zz", headers: browser)
        #expect(query.status == 400 && query.headers["content-type"]?.hasPrefix("text/html") == true)
        let raw = try app.client.sendRaw(
            Data("GET /guides/T-HY-001".utf8) + Data([0])
                + Data(" HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nConnection: close\r\n\r\n".utf8))
        #expect(raw.status == 400 && raw.headers["content-type"]?.hasPrefix("text/html") == true)
        let api = try app.client.get("/api/v1/services/%00", headers: browser)
        #expect(api.status == 400 && api.errorCode == "invalid_path", "an API path stays JSON")
        // Without Accept the route the path fits decides, as for its other errors: a page's
        // route answers with the page (its documented type), a path no route fits with JSON.
        let plain = try app.client.get("/guides/T-HY-001%00.php")
        #expect(plain.status == 400 && plain.headers["content-type"]?.hasPrefix("text/html") == true)
        let form = try app.client.send(
            "POST", "/manage/reviews/%F0%B1%87%9A%0F", headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data("csrf=&step=note&text=".utf8))
        #expect(form.status == 400 && form.headers["content-type"]?.hasPrefix("text/html") == true, "\(form.text)")
        #expect(try app.client.get("/no/such%00/path/here").errorCode == "invalid_path", "no route, no Accept: JSON")
    }

    @Test("a field the body reads may not be null; a field it does not read is ignored, null or not")
    func nullOnlyInKnownFields() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        let known = try app.post("/api/v1/tickets", token: kiosk, json: #"{"serviceId":"T-JZ-001","priority":null}"#)
        #expect(known.status == 400 && known.errorCode == "malformed_body" && known.text.contains("priority"))
        let unknown = try app.post(
            "/api/v1/tickets", token: kiosk, json: #"{"serviceId":"T-JZ-001","extra":null,"more":[null,{"x":null}]}"#)
        #expect(unknown.status == 201, "\(unknown.text)")
    }

    @Test("a catalogue text starting with a tab and = is neutralised in the daily CSV")
    func csvTab() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue))
        var document = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var services = document["services"] as! [[String: Any]]
        services[1]["name"] = "\t=HYPERLINK(\"http://evil.example\",\"临时救助\")"
        document["services"] = services
        let path = folder.path("services.json")
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
        let app = try TestApplication(catalogue: path)
        defer { app.stop() }
        let admin = try app.createToken(role: .admin, name: "manager")
        let day = app.application.state.queue.read(\.day)
        let csv = try app.client.get(
            "/api/v1/reports/daily.csv?date=\(day)", headers: ["Authorization": "Bearer \(admin)"])
        #expect(csv.status == 200, "\(csv.text)")
        #expect(csv.text.contains("'\t=HYPERLINK("), "\(csv.text)")
        #expect(!csv.text.contains(",\t=") && !csv.text.contains("\"\t="), "\(csv.text)")
    }

    @Test("the rate limiter forgets clients whose buckets are full again once it remembers 10,000")
    func limiterForgets() {
        let clock = ManualClock(Date(timeIntervalSince1970: 0))
        let limiter = RateLimiter(rule: .init(perMinute: 1, burst: 2), clock: { clock.read() })
        for client in 0..<RateLimiter.bucketLimit { #expect(limiter.take(for: "10.0.\(client)") == nil) }
        #expect(limiter.remembered == RateLimiter.bucketLimit)
        // 10.1.0 empties its bucket; none is full yet, so none is forgotten.
        #expect(limiter.take(for: "10.1.0") == nil && limiter.take(for: "10.1.0") == nil)
        #expect(limiter.remembered == RateLimiter.bucketLimit + 1)
        clock.advance(60)
        #expect(limiter.take(for: "10.1.1") == nil)
        #expect(limiter.remembered == 2, "the refilled ones went; 10.1.0, still short of full, and 10.1.1 stay")
        #expect(limiter.take(for: "10.1.0") == nil && limiter.take(for: "10.1.0") != nil, "10.1.0 kept its count")
    }

    @Test("the pages' onbeforeprint handler is allowed by their security policy, by its hash")
    func printDateAllowed() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let guide = try app.client.get("/guides/T-HY-001")
        #expect(guide.status == 200)
        let text = guide.text
        let start = try #require(text.range(of: "onbeforeprint=\""))
        let end = try #require(text[start.upperBound...].firstIndex(of: "\""))
        let handler = String(text[start.upperBound..<end])
        #expect(handler.contains("print-date"))
        let policy = guide.headers["content-security-policy"] ?? ""
        #expect(
            policy.contains("'unsafe-hashes'") && policy.contains("'\(ContentSecurity.hash(handler))'"), "\(policy)")
        #expect(policy.contains("'\(ContentSecurity.hash("print()"))'"))
    }
}
