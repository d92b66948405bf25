import Foundation
import OneWindowCore
import OneWindowTesting
import Testing

/// `/t/{id}` after 需补正, while waiting, and once the case settled (issue 15).
extension TicketPageTests {
    /// Ends `id`'s visit at window 1 with `body`.
    func endVisit(_ id: String, _ body: String) throws {
        #expect(try clerkPost("/api/v1/windows/1/call-next").status == 200)
        #expect(try clerkPost("/api/v1/tickets/\(id)/complete", body).status == 200)
    }

    @Test("after 需补正 the page lists the missing materials by name with the case number to bring them back")
    func needsMoreLists() throws {
        defer { app.stop() }
        let id = try issue()
        try endVisit(id, #"{"window":"1","outcome":"needs_more","missingMaterials":["m1","m2"],"note":"王科长说"}"#)
        let text = try page(id).text
        #expect(text.contains("<p class=\"headline\">需要补正材料</p>"), "\(text)")
        #expect(text.contains("本次办理还缺少以下材料："))
        #expect(text.contains("<ul class=\"missing\"><li>居民身份证</li><li>家庭收入证明</li></ul>"), "\(text)")
        #expect(text.contains("请备齐以上材料，下次带来。凭办件编号 C20261128-0001 再次取号办理"))
        #expect(text.contains("在大厅自助机上输入办件编号 <strong>C20261128-0001</strong>，即可接着办理。"))
        #expect(!text.contains("王科长"), "the clerk's note is not public")
    }

    @Test("a waiting ticket names the open windows that serve it and where to wait, without an address it lacks")
    func waitingWindows() throws {
        defer { app.stop() }
        let id = try issue("T-HY-001")
        let text = try page(id).text
        #expect(text.contains("办理窗口：<strong>1号综合窗口、2号婚姻登记窗口</strong>"), "\(text)")
        // The fixture hall's address is a placeholder: the page names the hall and nothing more.
        #expect(text.contains("等候地点：测试政务服务大厅，叫号以显示屏和广播为准。"))
        let clerk2 = try app.createToken(role: .clerk, name: "clerk-2", window: "2")
        #expect(
            try app.client.send("POST", "/api/v1/windows/2/pause", headers: ["Authorization": "Bearer \(clerk2)"])
                .status == 200)
        let paused = try page(id).text
        #expect(paused.contains("办理窗口：<strong>1号综合窗口</strong>"), "\(paused)")
        #expect(!paused.contains("2号婚姻登记窗口"))
        // Once called, the window it is called to says it all.
        try endVisit(id, #"{"window":"1","outcome":"completed"}"#)
        #expect(!(try page(id).text.contains("办理窗口：")))
    }

    @Test("a 需补正 receipt whose case a later visit closed says so, not come back")
    func closedSince() throws {
        defer { app.stop() }
        let first = try issue()
        try endVisit(first, #"{"window":"1","outcome":"needs_more","missingMaterials":["m2"]}"#)
        #expect(try page(first).text.contains("再次取号"))
        let again = try app.post("/api/v1/tickets", token: kiosk, json: #"{"caseId":"C20261128-0001"}"#)
        let second = try #require(again.json["id"] as? String, "\(again.text)")
        try endVisit(second, #"{"window":"1","outcome":"accepted"}"#)
        let text = try page(first).text
        #expect(text.contains("<p class=\"headline\">该办件已办结</p>"), "\(text)")
        #expect(text.contains("办件编号 C20261128-0001 已在之后的办理中办结，不需要再为它到大厅。"))
        #expect(!text.contains("再次取号") && !text.contains("需要补正材料"))
        #expect(try page(second).text.contains("<p class=\"headline\">已受理</p>"))
        // The next day the case is read from the database: the receipt still says so.
        clock.advance(24 * 3600)
        #expect(try page(first).text.contains("该办件已办结"))
    }

    @Test("a 需补正 receipt whose case was cancelled says so, without the clerk's reason")
    func cancelledSince() throws {
        defer { app.stop() }
        let id = try issue()
        try endVisit(id, #"{"window":"1","outcome":"needs_more","missingMaterials":["m1"]}"#)
        let cancel = try clerkPost("/api/v1/cases/C20261128-0001/cancel", #"{"reason":"李四来电撤回申请"}"#)
        #expect(cancel.status == 200, "\(cancel.text)")
        let text = try page(id).text
        #expect(text.contains("<p class=\"headline\">该办件已撤销</p>"), "\(text)")
        #expect(text.contains("办件编号 C20261128-0001 已撤销，不需要再为它到大厅。"))
        #expect(!text.contains("李四") && !text.contains("再次取号"))
    }
}
