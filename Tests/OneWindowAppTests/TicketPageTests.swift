import Foundation
import OneWindowCore
import OneWindowTesting
import Testing

/// `/t/{id}`, the page the receipt's QR code opens on an applicant's phone.
@Suite("The ticket status page", .timeLimit(.minutes(2)))
struct TicketPageTests {
    /// 2026-11-28 16:00 in Shanghai, the fixture hall's time zone.
    static let start = Date(timeIntervalSince1970: 1_795_852_800)
    let clock = ManualClock(TicketPageTests.start)
    let app: TestApplication
    let kiosk: String
    let clerk: String

    init() throws {
        let clock = clock
        app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.clock = { clock.read() } }
        kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
        clerk = try app.createToken(role: .clerk, name: "clerk-1")
    }

    func issue(_ service: String = "T-JZ-001") throws -> String {
        let response = try app.issue(token: kiosk, service: service)
        #expect(response.status == 201, "\(response.text)")
        return try #require(response.json["id"] as? String)
    }

    func clerkPost(_ path: String, _ json: String? = nil) throws -> TestResponse {
        guard let json else {
            return try app.client.send("POST", path, headers: ["Authorization": "Bearer \(clerk)"])
        }
        return try app.post(path, token: clerk, json: json)
    }

    func page(_ id: String) throws -> TestResponse {
        let response = try app.client.get("/t/\(id)")
        #expect(response.headers["content-type"] == "text/html; charset=utf-8")
        #expect(!response.text.contains("<script"), "the page runs a script")
        #expect(response.text.range(of: #" on[a-z]+="#, options: .regularExpression) == nil, "an event handler")
        #expect(!response.text.contains(Catalogue.placeholderMarker), "the page shows a placeholder")
        return response
    }

    @Test("a waiting ticket shows its number, service, people ahead, the wait and when to be back")
    func waiting() throws {
        defer { app.stop() }
        let ids = try (0..<5).map { _ in try issue() }
        let response = try page(ids[4])
        #expect(response.status == 200)
        let text = response.text
        #expect(text.contains("<html lang=\"zh-CN\">") && text.contains("<meta name=\"viewport\""))
        #expect(text.contains("<meta http-equiv=\"refresh\" content=\"15\">"))
        #expect(text.contains(">C005</span>") && text.contains("最低生活保障"))
        #expect(text.contains("前面还有 <strong>4</strong> 人"))
        // Four ahead at 5 minutes each, one open window: 20 minutes, so back by 16:10.
        #expect(text.contains("预计等候约 <strong>20</strong> 分钟（约 16:20 轮到您）"))
        #expect(text.contains("您可以先离开一会儿，请在 <strong>16:10</strong> 前回到大厅"))
        #expect(text.contains("更新于 16:00:00"))
        #expect(text.contains("href=\"/guides/T-JZ-001\""))
        #expect(response.headers["cache-control"] == "no-store")
        #expect(response.headers["content-security-policy"]?.contains("default-src 'none'") == true)
        // Close to the front: stay in the hall.
        #expect(try page(ids[1]).text.contains("很快就轮到您，请留在大厅内"))
        #expect(try page(ids[0]).text.contains("下一位就是您"))
    }

    @Test("a wait that runs past closing time does not send the applicant away")
    func waitPastClosing() throws {
        app.stop()
        // 17:15, with the hall closing at 17:30: four ahead at 5 minutes each end at 17:35.
        let late = ManualClock(Self.start.addingTimeInterval(75 * 60))
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.clock = { late.read() }
            $0.closingTime = (17, 30)
        }
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk-late")
        let ids = try (0..<5).map { _ in
            try #require(try app.issue(token: kiosk, service: "T-JZ-001").json["id"] as? String)
        }
        let text = try app.client.get("/t/\(ids[4])").text
        #expect(text.contains("预计等候约 <strong>20</strong> 分钟（约 17:35 轮到您）"))
        #expect(text.contains("轮到您时可能已过今天的办公时间（17:30 截止）"), "\(text)")
        #expect(!text.contains("您可以先离开一会儿"))
        // One ahead ends at 17:20, before closing: the usual advice.
        #expect(try app.client.get("/t/\(ids[1])").text.contains("很快就轮到您，请留在大厅内"))
    }

    @Test("a reader can stop the reloads (they move a screen reader to the top) and turn them back on")
    func stopRefreshing() throws {
        defer { app.stop() }
        let id = try issue()
        #expect(try page(id).text.contains("<a href=\"/t/\(id)?refresh=off\">停止自动刷新</a>"))
        let stopped = try page("\(id)?refresh=off&from=singlemessage")
        #expect(stopped.status == 200 && !stopped.text.contains("http-equiv=\"refresh\""))
        #expect(stopped.text.contains("<a href=\"/t/\(id)\">恢复自动刷新</a>"))
    }

    @Test("a called ticket says which window to go to, by its name")
    func called() throws {
        defer { app.stop() }
        let id = try issue()
        #expect(try clerkPost("/api/v1/windows/1/call-next").status == 200)
        let first = try page(id).text
        #expect(first.contains("请到 <strong>1号综合窗口</strong> 办理"))
        #expect(first.contains("<meta http-equiv=\"refresh\""))
        #expect(try clerkPost("/api/v1/windows/1/recall").status == 200)
        #expect(try page(id).text.contains("已叫号 2 次"))
    }

    @Test(
        "an ended visit says how it ended, plainly, and the page stops refreshing",
        arguments: [
            (#"{"window":"1","outcome":"completed"}"#, "已办结"),
            (#"{"window":"1","outcome":"accepted"}"#, "已受理"),
            (#"{"window":"1","outcome":"needs_more","missingMaterials":["m1"]}"#, "需要补正材料"),
            (#"{"window":"1","outcome":"rejected","note":"不符合条件"}"#, "不予受理"),
        ])
    func ended(body: String, headline: String) throws {
        defer { app.stop() }
        let id = try issue()
        #expect(try clerkPost("/api/v1/windows/1/call-next").status == 200)
        #expect(try clerkPost("/api/v1/tickets/\(id)/complete", body).status == 200)
        let text = try page(id).text
        #expect(text.contains("<p class=\"headline\">\(headline)</p>"), "\(text)")
        #expect(!text.contains("http-equiv=\"refresh\""))
        #expect(!text.contains("不符合条件"), "the clerk's note is not public")
        if headline == "需要补正材料" { #expect(text.contains("凭办件编号 C20261128-0001 再次取号")) }
    }

    @Test("a no-show and an expired ticket say so")
    func noShowAndExpired() throws {
        defer { app.stop() }
        let gone = try issue()
        let late = try issue()
        #expect(try clerkPost("/api/v1/windows/1/call-next").status == 200)
        for _ in 0..<2 { #expect(try clerkPost("/api/v1/windows/1/recall").status == 200) }
        #expect(try clerkPost("/api/v1/tickets/\(gone)/no-show", #"{"window":"1"}"#).status == 200)
        #expect(try page(gone).text.contains("<p class=\"headline\">已过号</p>"))
        let admin = try app.createToken(role: .admin, name: "admin")
        #expect(
            try app.client.send("POST", "/api/v1/hall/close-day", headers: ["Authorization": "Bearer \(admin)"]).status
                == 200)
        let expired = try page(late).text
        #expect(expired.contains("<p class=\"headline\">已过期</p>") && !expired.contains("http-equiv=\"refresh\""))
    }

    @Test("a receipt scanned on a later day finds its ticket, expired")
    func laterDay() throws {
        defer { app.stop() }
        let id = try issue()
        clock.advance(24 * 3600)
        let response = try page(id)
        #expect(response.status == 200)
        #expect(response.text.contains(">C001</span>") && response.text.contains("已过期"))
    }

    @Test("an unknown id gets an HTML 404 page; share parameters are ignored")
    func unknownAndShared() throws {
        defer { app.stop() }
        let id = try issue()
        let shared = try page("\(id)?from=singlemessage&isappinstalled=0")
        #expect(shared.status == 200 && shared.text.contains(">C001</span>"))
        let utm = try page("\(id)?utm_source=wechat&utm_medium=social")
        #expect(utm.status == 200)
        for unknown in ["0192aaaa-no-such", "0192aaaa-no-such?from=singlemessage", String(repeating: "x", count: 300)] {
            let missing = try page(unknown)
            #expect(missing.status == 404, "\(unknown)")
            #expect(missing.text.hasPrefix("<!doctype html>") && missing.text.contains("未找到该号码"))
            #expect(!missing.text.contains("\"error\""))
        }
        let post = try app.client.send("POST", "/t/\(id)")
        #expect(post.status == 405 && post.headers["content-type"] == "text/html; charset=utf-8")
    }

    @Test("the OpenAPI document has /t/{id} as an HTML page")
    func documented() throws {
        defer { app.stop() }
        let document = try app.client.get("/api/v1/openapi.json").json
        let operation = (document["paths"] as? [String: Any])?["/t/{id}"] as? [String: Any]
        let responses = (operation?["get"] as? [String: Any])?["responses"] as? [String: [String: Any]]
        for status in ["200", "404"] {
            #expect((responses?[status]?["content"] as? [String: Any])?["text/html"] != nil, "\(status)")
        }
    }
}
