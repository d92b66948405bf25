import Foundation
import OneWindowKiosk
import Testing

@Suite("Applicant kiosk screens", .timeLimit(.minutes(2)))
struct ApplicantKioskTests {
    @Test(
        "the start screen offers the five ways in and the English switch, at 80×24 and 120×40",
        arguments: [(80, 24), (120, 40)])
    func start(width: Int, height: Int) {
        let kiosk = KioskSamples.kiosk()
        let frame = kiosk.frame(width: width, height: height, now: KioskSamples.now)
        #expect(frame.line(0).hasPrefix(" 测试政务服务大厅"))
        #expect(frame.line(0).hasSuffix("09:00"))
        #expect(frame.text.contains("    1  个人办事\n    2  单位办事\n    3  搜索事项\n    4  凭办件号续办"))
        #expect(frame.text.contains("0  English"))
        #expect(frame.line(height - 1).hasPrefix(" 数字键选择"))
        #expect(frame.input(forTapAt: 4, column: 6) == .select(1))
    }

    @Test("individuals and organisations each see only their own categories")
    func audiences() {
        var kiosk = KioskSamples.kiosk()
        _ = kiosk.type("1")
        #expect(kiosk.screen().contains("1  婚姻登记（2 项）"))
        #expect(kiosk.screen().contains("2  社会救助（1 项）"))
        #expect(!kiosk.screen().contains("社会组织登记"))
        _ = kiosk.handle(.escape, now: KioskSamples.now)
        _ = kiosk.type("2")
        #expect(kiosk.screen().contains("1  社会组织登记（1 项）"))
        #expect(!kiosk.screen().contains("婚姻登记"))
    }

    @Test("the materials checklist comes before any ticket, and only “I have them” leads on")
    func checklistFirst() {
        var kiosk = KioskSamples.kiosk()
        #expect(kiosk.type("111") == [.loadGuide(serviceId: "T-HY-001")])
        _ = kiosk.receive(.guide(serviceId: "T-HY-001", .success(KioskSamples.guide)), now: KioskSamples.now)
        let screen = kiosk.screen()
        #expect(screen.contains("  内地居民结婚登记"))
        #expect(screen.contains("办结时限：当场办结    收费：免费    最多跑：1 次"))
        #expect(screen.contains("取号前请核对，带齐以下材料："))
        #expect(screen.contains("    2. 户口簿（原件 1 份）"))
        #expect(screen.contains("    1  我已备齐，取号"))
        #expect(kiosk.type("1").isEmpty)
        #expect(kiosk.screen().contains("是否需要优先办理？"))
        #expect(kiosk.type("2") == [.issue(IssueRequest(serviceId: "T-HY-001", priority: true), key: "key-1")])
    }

    @Test("no ticket shows until the daemon confirms it; meanwhile the kiosk says it is retrying")
    func confirmedOnly() {
        var kiosk = issuing()
        #expect(kiosk.screen().contains("正在取号，请稍候…"))
        _ = kiosk.receive(.issueRetry(key: "key-1", attempt: 2, .unreachable("refused")), now: KioskSamples.now)
        let waiting = kiosk.screen()
        #expect(waiting.contains("暂时无法连接服务器，正在重试（第 2 次）…也可到咨询台取号"))
        #expect(!waiting.contains("A012") && !waiting.contains("您的号码"))
        // An answer for another request (an earlier applicant's) is not this applicant's ticket.
        _ = kiosk.receive(.issued(key: "other", .success(KioskSamples.ticket)), now: KioskSamples.now)
        #expect(!kiosk.screen().contains("您的号码"))
        let effects = kiosk.receive(.issued(key: "key-1", .success(KioskSamples.ticket)), now: KioskSamples.now)
        #expect(effects == [.print(KioskSamples.ticket, guide: KioskSamples.guide)])
        let screen = kiosk.screen()
        #expect(screen.contains("您的号码"))
        #expect(screen.contains("前面还有 3 人    预计等候 约 9 分钟"))
        #expect(screen.contains("办件号：C20261129-0007"))
    }

    @Test("trying again after a failure sends the same Idempotency-Key, so it cannot make a second ticket")
    func sameKey() {
        var kiosk = issuing()
        _ = kiosk.receive(.issued(key: "key-1", .failure(.unreachable("timed out"))), now: KioskSamples.now)
        #expect(kiosk.screen().contains("取号未成功"))
        #expect(kiosk.screen().contains("1  再试一次"))
        #expect(kiosk.type("1") == [.issue(IssueRequest(serviceId: "T-HY-001", priority: false), key: "key-1")])
    }

    @Test("after 60 s without input the kiosk returns to the start screen and drops a pending ticket")
    func idle() {
        var kiosk = issuing()
        #expect(kiosk.tick(now: KioskSamples.now.addingTimeInterval(59)).isEmpty)
        #expect(kiosk.tick(now: KioskSamples.now.addingTimeInterval(60)) == [.cancelIssue])
        #expect(kiosk.screen == .start)
        _ = kiosk.receive(.issued(key: "key-1", .success(KioskSamples.ticket)), now: KioskSamples.now)
        #expect(kiosk.screen == .start)
    }

    @Test("0 switches to English, and idling switches back to Chinese")
    func english() {
        var kiosk = KioskSamples.kiosk()
        _ = kiosk.type("0")
        #expect(kiosk.screen().contains("1  Services for individuals"))
        #expect(kiosk.screen().contains("0  中文"))
        _ = kiosk.tick(now: KioskSamples.now.addingTimeInterval(61))
        #expect(kiosk.screen().contains("1  个人办事"))
    }

    /// A kiosk whose applicant chose 结婚登记, no priority, and waits for the ticket.
    func issuing() -> ApplicantKiosk {
        var kiosk = KioskSamples.kiosk()
        _ = kiosk.type("111")
        _ = kiosk.receive(.guide(serviceId: "T-HY-001", .success(KioskSamples.guide)), now: KioskSamples.now)
        _ = kiosk.type("11")
        return kiosk
    }
}

@Suite("Applicant kiosk: keyword search", .timeLimit(.minutes(2)))
struct ApplicantSearchTests {
    @Test("typed words search the catalogue; the results lead to the guide")
    func search() {
        var kiosk = KioskSamples.kiosk()
        _ = kiosk.type("3")
        #expect(kiosk.screen().contains("输入关键词（如 低保），或点按拼音首字母"))
        #expect(kiosk.type("低保").isEmpty)
        #expect(kiosk.screen().contains("[ 低保_ ]"))
        #expect(kiosk.handle(.enter, now: KioskSamples.now) == [.search("低保")])
        _ = kiosk.receive(.searchResults(query: "低保", .success([KioskSamples.services[2]])), now: KioskSamples.now)
        #expect(kiosk.screen().contains("“低保”的搜索结果"))
        #expect(kiosk.type("1") == [.loadGuide(serviceId: "T-JZ-001")])
    }

    @Test("a search that finds nothing says so and keeps the words")
    func nothing() {
        var kiosk = KioskSamples.kiosk()
        _ = kiosk.type("3xyz")
        _ = kiosk.handle(.enter, now: KioskSamples.now)
        _ = kiosk.receive(.searchResults(query: "xyz", .success([])), now: KioskSamples.now)
        #expect(kiosk.screen().contains("没有找到“xyz”，请换个词"))
        #expect(kiosk.screen().contains("[ xyz_ ]"))
    }
}
