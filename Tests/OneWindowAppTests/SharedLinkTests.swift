import Foundation
import OneWindowTesting
import Testing

/// Pages are opened from links people share: WeChat and campaigns append their own parameters.
@Suite("Shared links and page errors", .timeLimit(.minutes(2)))
struct SharedLinkTests {
    static let shareParameters = [
        "from=singlemessage&isappinstalled=0", "utm_source=wechat&utm_medium=social&utm_campaign=guide",
        "from=timeline", "spm=a.b.c&share_token=x",
    ]

    static let pages = [
        "/", "/?q=%E4%BD%8E%E4%BF%9D", "/?category=%E7%A4%BE%E4%BC%9A%E6%95%91%E5%8A%A9", "/guides/T-HY-001", "/board",
    ]

    @Test("every HTML route answers 200 with share parameters appended", arguments: shareParameters)
    func shareParametersIgnored(parameters: String) throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        for page in Self.pages {
            let target = page + (page.contains("?") ? "&" : "?") + parameters
            let response = try app.client.get(target)
            #expect(response.status == 200, "\(target): \(response.status) \(response.text.prefix(200))")
            #expect(response.headers["content-type"] == "text/html; charset=utf-8", "\(target)")
        }
    }

    @Test("a shared search still searches: the known parameters are read, the others ignored")
    func sharedSearchStillSearches() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let response = try app.client.get("/?q=%E4%BD%8E%E4%BF%9D&from=singlemessage&isappinstalled=0")
        #expect(response.text.contains("最低生活保障") && !response.text.contains("特困人员救助供养"))
    }

    @Test("the API keeps refusing unknown parameters with a JSON 400")
    func apiStaysStrict() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let response = try app.client.get("/api/v1/services?from=singlemessage")
        #expect(response.status == 400)
        #expect(response.errorCode == "unknown_parameter")
    }

    @Test("errors on HTML routes are HTML pages with the right status")
    func htmlErrors() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let long = String(repeating: "%E4%BD%8E", count: 101)
        let cases: [(method: String, target: String, status: Int)] = [
            ("GET", "/?q=\(long)", 400),
            ("GET", "/?q=a&q=b", 400),
            ("POST", "/guides/T-HY-001", 405),
            ("DELETE", "/", 405),
            ("GET", "/guides/NO-SUCH?from=singlemessage", 404),
        ]
        for (method, target, status) in cases {
            let response = try app.client.send(method, target)
            #expect(response.status == status, "\(method) \(target)")
            #expect(response.headers["content-type"] == "text/html; charset=utf-8", "\(method) \(target)")
            #expect(response.text.hasPrefix("<!doctype html>") && response.text.contains("返回首页"), "\(target)")
            #expect(!response.text.contains("\"error\""), "\(target) shows the API's JSON")
        }
        #expect(try app.client.send("POST", "/guides/T-HY-001").headers["allow"] == "GET, HEAD")
    }

    @Test("a browser following a broken link gets the page; an API client gets JSON")
    func unknownPaths() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let browser = ["Accept": "text/html,application/xhtml+xml,*/*;q=0.8"]
        for target in ["/guide/T-HY-001", "/guides", "/manage/x", "/index.php?from=singlemessage"] {
            let page = try app.client.get(target, headers: browser)
            #expect(page.status == 404, "\(target)")
            #expect(page.headers["content-type"] == "text/html; charset=utf-8", "\(target)")
            #expect(page.text.contains("未找到该页面") && page.text.contains("返回首页"), "\(target)")
            #expect(!page.text.contains("no such path"), "\(target) shows the technical message")
        }
        for (target, headers) in [
            ("/guide/T-HY-001", [:]), ("/api/v1/nothing", browser), ("/api/v2/services", ["Accept": "*/*"]),
        ] {
            let response = try app.client.get(target, headers: headers)
            #expect(response.status == 404, "\(target)")
            #expect(response.errorCode == "route_not_found", "\(target)")
        }
    }
}
