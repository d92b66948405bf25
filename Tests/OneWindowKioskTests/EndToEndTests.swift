import Foundation
import OneWindowTesting
import Testing

/// The real kiosk binary in a pseudo-terminal against the real daemon, driven by keystrokes.
@Suite("End to end: kiosk and clerk console against the daemon", .serialized, .timeLimit(.minutes(2)))
struct EndToEndTests {
    @Test("an applicant takes a ticket by keystrokes; a clerk console calls it and completes it")
    func ticketByKeys() async throws {
        let hall = try HallUnderTest()
        defer { hall.stop() }
        let kiosk = try hall.applicant()
        #expect(await kiosk.waitFor("1  个人办事"), "\(kiosk.screen)")
        kiosk.type("1")  // 个人办事
        #expect(await kiosk.waitFor("2  社会救助（2 项）"), "\(kiosk.screen)")
        kiosk.type("2")
        #expect(await kiosk.waitFor("1  最低生活保障"))
        kiosk.type("1")
        #expect(await kiosk.waitFor("取号前请核对，带齐以下材料："), "\(kiosk.screen)")
        #expect(kiosk.screen.contains("2. 家庭收入证明（原件 1 份）"))
        kiosk.type("1")  // I have them
        #expect(await kiosk.waitFor("是否需要优先办理？"))
        kiosk.type("1")  // no priority
        #expect(await kiosk.waitFor("您的号码"), "\(kiosk.screen)")
        #expect(await kiosk.waitFor("小票已打印，请取走"), "\(kiosk.screen)")
        #expect(kiosk.screen.contains("最低生活保障"))

        // The daemon has it, and the printed QR code points at it.
        let printed = try #require(FileManager.default.contents(atPath: hall.printer))
        let link = try #require(
            String(decoding: printed, as: UTF8.self).range(
                of: #"https://hall.example.cn/t/[0-9a-f\-]+"#, options: .regularExpression))
        let ticketId = String(String(decoding: printed, as: UTF8.self)[link].split(separator: "/").last!)
        let stored = try hall.daemon.client.send("GET", "/api/v1/tickets/\(ticketId)")
        #expect(stored.json["number"] as? String == "C001")
        #expect(stored.json["status"] as? String == "waiting")

        let clerk = try hall.clerk(window: "1")
        #expect(await clerk.waitFor("本窗口等候：1 人"), "\(clerk.screen)")
        clerk.type("1")  // call
        #expect(await clerk.waitFor("当前号码  C001  最低生活保障  已呼叫 1 次"), "\(clerk.screen)")
        #expect(await clerk.waitFor("2. 家庭收入证明"))
        clerk.type("5")  // complete
        #expect(await clerk.waitFor("请选择办理结果："))
        clerk.type("1")  // completed
        #expect(await clerk.waitFor("C001 办结"), "\(clerk.screen)")
        let done = try hall.daemon.client.send("GET", "/api/v1/tickets/\(ticketId)")
        #expect(done.json["status"] as? String == "completed")
        #expect(done.json["outcome"] as? String == "completed")

        kiosk.type("\r")
        #expect(await kiosk.waitFor("1  个人办事"))
        #expect(kiosk.stop() == 0)
        #expect(clerk.stop() == 0)
    }
}
