import Foundation
import OneWindowTesting
import Testing

extension HallUnderTest {
    /// `GET path` with the clerk's token, as JSON.
    func get(_ path: String) throws -> [String: Any] {
        try daemon.client.send("GET", path, headers: ["Authorization": "Bearer \(clerkToken)"]).json
    }
}

/// Cases by keystrokes: a first visit that needs more materials, the return with the case
/// number, and a rating. The clerk ticks what is missing; the applicant sees it next time.
@Suite("End to end: cases across visits", .serialized, .timeLimit(.minutes(2)))
struct CaseEndToEndTests {
    @Test("a clerk completes with needs_more ticking a material; the applicant returns with the case number")
    func needsMoreThenReturn() async throws {
        let hall = try HallUnderTest()
        defer { hall.stop() }
        let kiosk = try hall.applicant()
        #expect(await kiosk.waitFor("1  个人办事"), "\(kiosk.screen)")
        kiosk.type("111")  // 个人办事 → 婚姻登记 → 内地居民结婚登记
        #expect(await kiosk.waitFor("取号前请核对，带齐以下材料："), "\(kiosk.screen)")
        kiosk.type("11")  // I have them; no priority
        #expect(await kiosk.waitFor("您的号码"), "\(kiosk.screen)")
        #expect(await kiosk.waitFor("办件号：C"), "\(kiosk.screen)")
        let caseRange = try #require(kiosk.screen.range(of: #"C[0-9]{8}-[0-9]{4}"#, options: .regularExpression))
        let caseId = String(kiosk.screen[caseRange])

        let clerk = try hall.clerk(window: "1")
        #expect(await clerk.waitFor("当前没有号码"), "\(clerk.screen)")
        clerk.type("1")
        #expect(await clerk.waitFor("当前号码  A001  内地居民结婚登记"), "\(clerk.screen)")
        #expect(await clerk.waitFor("2. 户口簿（原件 1 份）"), "\(clerk.screen)")
        clerk.type("5")
        #expect(await clerk.waitFor("3  需补正（勾选缺少的材料）"))
        clerk.type("3")
        #expect(await clerk.waitFor("[ ] 2. 户口簿"))
        clerk.type("2")
        #expect(await clerk.waitFor("[x] 2. 户口簿"))
        clerk.type("\r")
        #expect(await clerk.waitFor("A001 需补正"), "\(clerk.screen)")

        let guide = try hall.get("/api/v1/services/T-HY-001")
        let householdId = try #require((guide["materials"] as? [[String: Any]])?[1]["id"] as? String)
        let afterFirst = try #require(try hall.get("/api/v1/cases/\(caseId)")["case"] as? [String: Any])
        let firstVisit = try #require((afterFirst["visits"] as? [[String: Any]])?.first)
        #expect(firstVisit["outcome"] as? String == "needs_more")
        #expect((firstVisit["missingMaterials"] as? [[String: Any]])?.map { $0["id"] as? String } == [householdId])

        kiosk.type("\r")
        #expect(await kiosk.waitFor("1  个人办事"))
        kiosk.type("4")
        kiosk.type(caseId.filter(\.isNumber))
        #expect(await kiosk.waitFor(caseId), "\(kiosk.screen)")
        kiosk.type("\r")
        #expect(await kiosk.waitFor("办件 \(caseId)"), "\(kiosk.screen)")
        #expect(kiosk.screen.contains("A001  需补正：缺 户口簿"))
        #expect(kiosk.screen.contains("· 【上次缺少】户口簿（原件 1 份）"))
        kiosk.type("1")
        #expect(await kiosk.waitFor("是否需要优先办理？"))
        kiosk.type("1")
        #expect(await kiosk.waitFor("（第 2 次来办）"), "\(kiosk.screen)")
        #expect(kiosk.screen.contains("办件号：\(caseId)"))

        clerk.type("1")
        #expect(await clerk.waitFor("当前号码  A002"), "\(clerk.screen)")
        #expect(await clerk.waitFor("第 2 次来办"), "\(clerk.screen)")
        #expect(await clerk.waitFor("A001  需补正：缺 户口簿"), "\(clerk.screen)")
        clerk.type("51")
        #expect(await clerk.waitFor("A002 办结"), "\(clerk.screen)")
        let closed = try #require(try hall.get("/api/v1/cases/\(caseId)")["case"] as? [String: Any])
        #expect(closed["state"] as? String == "closed")
        #expect((closed["visits"] as? [[String: Any]])?.count == 2)
        #expect(kiosk.stop() == 0)
        #expect(clerk.stop() == 0)
    }

    @Test(
        "an applicant rates a finished visit with its number and the receipt's code; a wrong code or a second rating is refused plainly"
    )
    func rating() async throws {
        let hall = try HallUnderTest()
        defer { hall.stop() }
        let kiosk = try hall.applicant()
        #expect(await kiosk.waitFor("1  个人办事"))
        kiosk.type("111")
        #expect(await kiosk.waitFor("取号前请核对"))
        kiosk.type("11")
        #expect(await kiosk.waitFor("您的号码"))
        #expect(await kiosk.waitFor("评价码："), "\(kiosk.screen)")
        let code = try #require(
            kiosk.screen.firstMatch(of: /评价码：([0-9]{6})/).map { String($0.1) }, "no code on: \(kiosk.screen)")
        let wrong = code == "000000" ? "111111" : "000000"
        let clerk = try hall.clerk(window: "1")
        #expect(await clerk.waitFor("当前没有号码"))
        clerk.type("1")
        #expect(await clerk.waitFor("当前号码  A001"))
        clerk.type("51")
        #expect(await clerk.waitFor("A001 办结"))
        for (attempt, typed) in [wrong, code, code].enumerated() {
            kiosk.type("\u{1B}")
            #expect(await kiosk.waitFor("5  服务评价（好差评）"))
            kiosk.type("5")
            #expect(await kiosk.waitFor("先选号码的字母"))
            kiosk.type("1")  // A
            kiosk.type("1\r")
            #expect(await kiosk.waitFor("A001 号的评价码"), "\(kiosk.screen)")
            kiosk.type(typed + "\r")
            #expect(await kiosk.waitFor("您对 A001 号的服务满意吗？"), "\(kiosk.screen)")
            kiosk.type(attempt == 1 ? "2" : "5")
            if attempt == 1 {
                #expect(await kiosk.waitFor("请选择不满意的原因"), "\(kiosk.screen)")
                kiosk.type("2\r")
            }
            let expected = ["评价码不对", "感谢您的评价：不满意", "该号码已经评价过，感谢您"][attempt]
            #expect(await kiosk.waitFor(expected), "\(kiosk.screen)")
        }
        #expect(kiosk.stop() == 0)
        #expect(clerk.stop() == 0)
    }
}
