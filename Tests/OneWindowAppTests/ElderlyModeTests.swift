import Foundation
import OneWindowTesting
import Testing

/// 长者模式 works without JavaScript: a link sets a cookie, and pages read it.
@Suite("The elderly mode over HTTP", .timeLimit(.minutes(2)))
struct ElderlyModeTests {
    @Test("the link sets the cookie and returns to the page, which then comes large; the other link clears it")
    func switchesOnAndOff() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let on = try app.client.get("/elderly-mode?on=1&back=%2Fguides%2FT-HY-001&from=singlemessage")
        #expect(on.status == 303)
        #expect(on.headers["location"] == "/guides/T-HY-001")
        #expect(on.headers["set-cookie"]?.hasPrefix("ow_mode=large; Path=/;") == true)
        let large = try app.client.get("/guides/T-HY-001", headers: ["Cookie": "theme=x; ow_mode=large"])
        #expect(large.text.contains(#"<html lang="zh-CN" class="large">"#))
        #expect(large.headers["vary"] == "Cookie")
        let standard = try app.client.get("/guides/T-HY-001")
        #expect(standard.text.contains(#"<html lang="zh-CN">"#))
        #expect(standard.headers["etag"] != large.headers["etag"], "the two modes must not share a cache entry")
        let search = try app.client.get("/?q=%E4%BD%8E%E4%BF%9D", headers: ["Cookie": "ow_mode=large"])
        #expect(search.text.contains(#"class="large""#))
        let off = try app.client.get("/elderly-mode?on=0&back=%2F")
        #expect(off.status == 303 && off.headers["set-cookie"]?.contains("Max-Age=0") == true)
    }

    @Test("the switch never sends the reader to another site")
    func noOpenRedirect() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        for back in ["https%3A%2F%2Fevil.example", "%2F%2Fevil.example", "%2F%5Cevil.example"] {
            #expect(try app.client.get("/elderly-mode?on=1&back=\(back)").headers["location"] == "/", "\(back)")
        }
    }
}
