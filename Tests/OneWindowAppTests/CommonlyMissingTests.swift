import Foundation
import OneWindowTesting
import Testing

/// 常见缺件提醒 in the guide document: the share of first visits in the window that lacked each
/// material, shown only from the 20th first visit on.
@Suite("常见缺件提醒", .timeLimit(.minutes(2)))
struct CommonlyMissingTests {
    @Test("the guide shows no share before the 20th first visit, and each material's share from it on")
    func appearsAtTwentieth() throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_741_200))  // Friday 2026-11-27, 09:00 Shanghai
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.clock = { clock.read() }
            $0.issueRateLimit = nil
            $0.publicFiguresSeconds = 0
        }
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        let clerk = try app.createToken(role: .clerk, name: "clerk", window: "1")
        func firstVisit(missing: [String]) throws {
            let issued = try app.post("/api/v1/tickets", token: kiosk, json: #"{"serviceId":"T-JZ-001"}"#).json
            let id = try #require((issued["ticket"] as? [String: Any] ?? issued)["id"] as? String)
            clock.advance(60)
            #expect(try app.post("/api/v1/windows/1/call-next", token: clerk, json: "").status == 200)
            clock.advance(60)
            let list = missing.map { "\"\($0)\"" }.joined(separator: ",")
            let body =
                missing.isEmpty
                ? #"{"window":"1","outcome":"completed"}"#
                : #"{"window":"1","outcome":"needs_more","missingMaterials":[\#(list)]}"#
            let done = try app.post("/api/v1/tickets/\(id)/complete", token: clerk, json: body)
            #expect(done.status == 200, "\(done.text)")
        }
        func reminder() throws -> [String: Any] {
            // The fold hears a commit a moment after its answer: wait (with a deadline) for it.
            let state = app.application.state
            let last = try state.storage.lastQueueEventId()
            let deadline = Date().addingTimeInterval(5)
            while state.metrics.read(\.lastEventId) < last, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            let guide = try app.client.get("/api/v1/services/T-JZ-001").json
            return try #require(guide["commonlyMissing"] as? [String: Any])
        }
        for visit in 1...19 { try firstVisit(missing: visit <= 8 ? ["m2"] : visit <= 10 ? ["m1", "m2"] : []) }
        let before = try reminder()
        #expect(before["firstVisits"] as? Int == 19)
        #expect(before["shown"] as? Bool == false)
        #expect((before["materials"] as? [Any])?.isEmpty == true, "no share below 20 first visits")
        #expect(before["days"] as? Int == 90 && before["minimumFirstVisits"] as? Int == 20)
        #expect(!(try app.client.get("/guides/T-JZ-001").text.contains("常见缺件")), "no mark on the page either")

        try firstVisit(missing: ["m1"])
        let after = try reminder()
        #expect(after["firstVisits"] as? Int == 20)
        #expect(after["shown"] as? Bool == true)
        let materials = try #require(after["materials"] as? [[String: Any]])
        #expect(materials.compactMap { $0["materialId"] as? String } == ["m2", "m1"], "most often missed first")
        #expect(materials.first?["firstVisitsMissing"] as? Int == 10)
        #expect(materials.first?["share"] as? Double == 0.5)
        #expect(materials.last?["share"] as? Double == 0.15)
        let page = try app.client.get("/guides/T-JZ-001").text
        #expect(page.contains("常见缺件：近90天 50% 的申请人首次办理时缺少此项"), "\(page)")
        #expect(page.contains("常见缺件：近90天 15% 的申请人首次办理时缺少此项"))
        let waiting = try app.post("/api/v1/tickets", token: kiosk, json: #"{"serviceId":"T-JZ-001"}"#).json
        let waitingId = try #require((waiting["ticket"] as? [String: Any] ?? waiting)["id"] as? String)
        let ticketPage = try app.client.get("/t/\(waitingId)").text
        #expect(ticketPage.contains("叫号前请再核对这些材料"), "\(ticketPage)")
        #expect(ticketPage.contains("家庭收入证明</strong>：常见缺件：近90天 50% 的申请人首次办理时缺少此项"))
    }
}
