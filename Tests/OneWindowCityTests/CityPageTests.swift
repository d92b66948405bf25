import Foundation
import OneWindowCity
import OneWindowTesting
import Testing

/// `/city`: signed in once with a city reader token, as `/manage` is with an admin token.
@Suite("The city's page", .serialized, .timeLimit(.minutes(3)))
struct CityPageTests {
    /// Posts the sign-in form with `token`; the session cookie's `name=value` on success.
    static func signIn(_ city: CityHarness, _ token: String, headers: [String: String] = [:]) throws
        -> (TestResponse, String?)
    {
        let response = try city.client.send(
            "POST", "/city/sign-in",
            headers: ["Content-Type": "application/x-www-form-urlencoded"].merging(headers) { $1 },
            body: Data("token=\(token)".utf8))
        return (response, response.headers["set-cookie"]?.components(separatedBy: ";").first)
    }

    @Test("signed out, /city answers the sign-in form, and neither the figures nor a session cookie")
    func signedOut() throws {
        let city = try CityHarness()
        defer { city.stop() }
        try city.addHall("xigang")
        let page = try city.client.get("/city")
        #expect(page.status == 200)
        #expect(page.text.contains("action=\"/city/sign-in\""), "\(page.text)")
        #expect(!page.text.contains("各大厅对比"))
        #expect(page.headers["set-cookie"] == nil)
        #expect(page.headers["content-security-policy"]?.contains("script-src") == false)
        #expect(page.headers["cache-control"] == "no-store")
        let forged = try city.client.get("/city", headers: ["Cookie": "ow_city=not-a-session"])
        #expect(!forged.text.contains("各大厅对比"))
    }

    @Test("a reader token signs in with an HttpOnly, SameSite=Strict cookie on /city, and sign-out ends it")
    func signInAndOut() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let (response, cookie) = try Self.signIn(city, city.reader)
        #expect(response.status == 303)
        #expect(response.headers["location"] == "/city")
        let setCookie = response.headers["set-cookie"] ?? ""
        for part in ["ow_city=", "Path=/city", "HttpOnly", "SameSite=Strict", "Max-Age=28800"] {
            #expect(setCookie.contains(part), "\(setCookie) lacks \(part)")
        }
        let session = try #require(cookie)
        let page = try city.client.get("/city", headers: ["Cookie": session])
        #expect(page.status == 200)
        #expect(page.text.contains("已登录：city-office"), "\(page.text)")
        let out = try city.client.send("POST", "/city/sign-out", headers: ["Cookie": session])
        #expect(out.status == 303)
        #expect(out.headers["set-cookie"]?.contains("Max-Age=0") == true)
        let after = try city.client.get("/city", headers: ["Cookie": session])
        #expect(after.text.contains("action=\"/city/sign-in\""))
    }

    @Test(
        "a wrong token is refused with 401, a hall's token with 403, and after five failures the next sign-in waits (429)"
    )
    func wrongTokens() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let hallToken = try city.addHall("xigang")
        let (hall, hallCookie) = try Self.signIn(city, hallToken)
        #expect(hall.status == 403)
        #expect(hall.text.contains("这个令牌不是读取令牌"), "\(hall.text)")
        #expect(hallCookie == nil)
        for _ in 0..<4 {
            let (wrong, cookie) = try Self.signIn(city, "reader-token-guess")
            #expect(wrong.status == 401)
            #expect(cookie == nil)
        }
        let (throttled, _) = try Self.signIn(city, city.reader)
        #expect(throttled.status == 429, "even the right token waits after five failures")
        #expect(Int(throttled.headers["retry-after"] ?? "") ?? 0 > 0)
        #expect(throttled.headers["set-cookie"] == nil)
    }

    @Test("a sign-in form posted from another site is refused with 403 and counts for nothing")
    func foreignForm() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let (response, cookie) = try Self.signIn(city, city.reader, headers: ["Origin": "https://evil.example"])
        #expect(response.status == 403)
        #expect(cookie == nil)
        let out = try city.client.send("POST", "/city/sign-out", headers: ["Origin": "null"])
        #expect(out.status == 403)
    }

    @Test("a bad range on /city answers 400 with the page's problem, signed in")
    func badRange() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let session = try #require(try Self.signIn(city, city.reader).1)
        for query in [
            "from=2026-11-01", "from=2026-11-09&to=2026-11-01", "from=01.11.2026&to=2026-11-02",
            "from=2025-01-01&to=2026-11-01",
        ] {
            let page = try city.client.get("/city?\(query)", headers: ["Cookie": session])
            #expect(page.status == 400, "\(query)")
            #expect(page.headers["content-type"]?.hasPrefix("text/html") == true, "\(query)")
        }
    }

    @Test("the public disclosure refuses unknown API parameters and other methods; its page ignores shared-link ones")
    func disclosureHostile() throws {
        let city = try CityHarness()
        defer { city.stop() }
        #expect(try city.client.get("/api/v1/city/disclosure?year=2026").errorCode == "unknown_parameter")
        #expect(try city.client.send("POST", "/api/v1/city/disclosure").status == 405)
        #expect(try city.client.send("DELETE", "/disclosure").status == 405)
        let page = try city.client.get("/disclosure?from=singlemessage&isappinstalled=0")
        #expect(page.status == 200)
        let json = try city.client.get("/api/v1/city/disclosure")
        #expect(json.status == 200)
        let tag = try #require(json.headers["etag"])
        #expect(try city.client.get("/api/v1/city/disclosure", headers: ["If-None-Match": tag]).status == 304)
        let pageTag = try #require(page.headers["etag"])
        #expect(try city.client.get("/disclosure", headers: ["If-None-Match": pageTag]).status == 304)
        #expect((json.json["city"] as? [String: Any])?["hallName"] as? String == "全市", "no catalogue: 全市")
        #expect((json.json["halls"] as? [Any])?.isEmpty == true)
    }

    @Test("with PostgreSQL stopped, /city answers 503 with a page and the disclosure 503 with the JSON error")
    func databaseDown() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let session = try #require(try Self.signIn(city, city.reader).1)
        #expect(try city.client.get("/city", headers: ["Cookie": session]).status == 200)
        city.cluster.stop(immediately: true)
        let page = try city.client.get("/city", headers: ["Cookie": session])
        #expect(page.status == 503)
        #expect(page.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(page.text.contains("role=\"alert\""), "\(page.text)")
        let json = try city.client.get("/api/v1/city/disclosure")
        #expect(json.status == 503)
        #expect(json.errorCode == "database_unavailable")
    }

    @Test("a hall's name is text on /city and /disclosure, never markup")
    func hallNameEscaped() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let store = city.application.store
        let name = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>"
        try CityDatabase.wait { try await store.addHall(id: "evil", name: name, token: "hall-token-evil-0123456789") }
        let session = try #require(try Self.signIn(city, city.reader).1)
        for page in [try city.client.get("/city", headers: ["Cookie": session]), try city.client.get("/disclosure")] {
            #expect(page.status == 200)
            #expect(!page.text.contains("<script>alert(1)"), "\(page.text)")
            #expect(!page.text.contains("<img src=x"))
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }
}
