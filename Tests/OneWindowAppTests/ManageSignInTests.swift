import Foundation
import OneWindowTesting
import Testing

/// Sign-in on `/manage`: failed attempts are throttled per client, and the form must come from
/// this site.
@Suite("Signing in to the manager's page", .timeLimit(.minutes(2)))
struct ManageSignInTests {
    let app: TestApplication
    let clock: ManualClock
    let admin: String

    init() throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_744_800))
        self.clock = clock
        app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.clock = { clock.read() } }
        admin = try app.createToken(role: .admin, name: "manager")
    }

    func signIn(_ token: String, headers: [String: String] = [:]) throws -> TestResponse {
        try app.client.send(
            "POST", "/manage/sign-in",
            headers: ["Content-Type": "application/x-www-form-urlencoded"].merging(headers) { $1 },
            body: Data("token=\(token)".utf8))
    }

    @Test("five failed sign-ins from one client, then 429 with Retry-After even for the right token, until time passes")
    func throttled() throws {
        defer { app.stop() }
        for attempt in 1...5 {
            let wrong = try signIn("ow_guess-\(attempt)")
            #expect(wrong.status == 401, "attempt \(attempt): \(wrong.status)")
        }
        let blocked = try signIn(admin)
        #expect(blocked.status == 429 && blocked.headers["set-cookie"] == nil)
        #expect(blocked.headers["retry-after"] == "180", "\(blocked.headers)")
        #expect(blocked.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(blocked.text.contains("登录失败次数过多，请 3 分钟后再试。"))
        clock.advance(179)
        #expect(try signIn(admin).status == 429)
        clock.advance(1)
        let allowed = try signIn(admin)
        #expect(allowed.status == 303 && allowed.headers["set-cookie"] != nil)
        // A successful sign-in is not a failure: the next wrong one is refused as wrong, then blocked again.
        #expect(try signIn("ow_guess-6").status == 401)
        #expect(try signIn("ow_guess-7").status == 429)
    }

    @Test(
        "a form from another site is refused with 403 and no session, even with the right token; this site's is taken")
    func origin() throws {
        defer { app.stop() }
        let host = "127.0.0.1:\(app.port)"
        for headers in [
            ["Origin": "http://evil.example"], ["Origin": "null"], ["Referer": "http://evil.example/manage"],
            ["Origin": "http://127.0.0.1:1\(app.port)"], ["Origin": "http://\(host).evil.example"],
        ] {
            let forged = try signIn(admin, headers: headers)
            #expect(forged.status == 403 && forged.headers["set-cookie"] == nil, "\(headers): \(forged.status)")
            #expect(forged.text.contains("请在本站的登录页输入令牌"))
        }
        #expect(try signIn(admin, headers: ["Origin": "http://\(host)"]).status == 303)
        #expect(try signIn(admin, headers: ["Origin": "https://\(host)", "X-Forwarded-Proto": "https"]).status == 303)
        #expect(try signIn(admin, headers: ["Referer": "http://\(host)/manage"]).status == 303)
        // Refused forms are not failed guesses: the right token still signs in at once.
        let signedIn = try signIn(admin)
        let cookie = try #require(signedIn.headers["set-cookie"]?.components(separatedBy: ";").first)
        let out = try app.client.send(
            "POST", "/manage/sign-out", headers: ["Cookie": cookie, "Origin": "http://evil.example"])
        #expect(out.status == 403 && out.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(out.text.contains("请从本站的页面操作"), "the page says what happened, not 链接有误")
        #expect(try app.client.get("/manage", headers: ["Cookie": cookie]).text.contains("退出登录"), "still signed in")
    }
}
