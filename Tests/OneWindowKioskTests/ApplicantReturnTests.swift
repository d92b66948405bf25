import Foundation
import OneWindowKiosk
import Testing

@Suite("Applicant kiosk: the ticket, a returning case, a rating")
struct ApplicantReturnTests {
    @Test(
        "the ticket screen shows the number in large characters, the service, the place, the wait and the case",
        arguments: [(80, 24), (120, 40)])
    func ticket(width: Int, height: Int) {
        var kiosk = KioskSamples.kiosk()
        _ = kiosk.type("111")
        _ = kiosk.receive(.guide(serviceId: "T-HY-001", .success(KioskSamples.guide)), now: KioskSamples.now)
        _ = kiosk.type("11")
        _ = kiosk.receive(.issued(key: "key-1", .success(KioskSamples.ticket)), now: KioskSamples.now)
        _ = kiosk.receive(.printed(ticketId: KioskSamples.ticket.id, problem: nil), now: KioskSamples.now)
        let frame = kiosk.frame(width: width, height: height, now: KioskSamples.now)
        let scale = 2  // even 80×24 has room for double-size digits
        let big = BigText.rows("A012", scale: scale).map { String($0.reversed().drop { $0 == " " }.reversed()) }
        #expect(big.count == 5 * scale)
        #expect(frame.text.contains(big[0]) && frame.text.contains(big[big.count - 1]), "\(frame.text)")
        #expect(frame.text.contains("内地居民结婚登记"))
        #expect(frame.text.contains("前面还有 3 人    预计等候 约 9 分钟"))
        #expect(frame.text.contains("办件号：C20261129-0007"))
        #expect(frame.text.contains("小票已打印，请取走"))
        // Centred lines of Chinese text: the two halves of the service line are equal to a column.
        let row = (0..<height).first { frame.line($0).contains("内地居民结婚登记") }!
        let indent = frame.line(row).prefix { $0 == " " }.count
        #expect(abs(indent - (width - 16 - indent)) <= 1)
    }

    @Test("a returning applicant types the case number's 12 digits and sees what was missing last time")
    func returning() {
        var kiosk = KioskSamples.kiosk()
        _ = kiosk.type("4")
        _ = kiosk.type("20261128")
        #expect(kiosk.screen().contains("C20261128-____"))
        #expect(kiosk.type("0003").isEmpty)
        #expect(kiosk.handle(.enter, now: KioskSamples.now) == [.lookUpCase("C20261128-0003")])
        let found = ApplicantMessage.CaseFound(caseInfo: KioskSamples.openCase, guide: KioskSamples.guide)
        _ = kiosk.receive(.caseFound("C20261128-0003", .success(found)), now: KioskSamples.now)
        let screen = kiosk.screen()
        #expect(screen.contains("办件 C20261128-0003"))
        #expect(screen.contains("2026-11-28  A005  需补正：缺 户口簿"))
        #expect(screen.contains("· 户口簿（原件 1 份）  ← 上次缺少"))
        #expect(kiosk.type("1").isEmpty)
        let issue = kiosk.type("1")
        #expect(
            issue == [
                .issue(IssueRequest(serviceId: "T-HY-001", caseId: "C20261128-0003", priority: false), key: "key-1")
            ])
    }

    @Test("an unknown case number keeps what was typed and says so plainly")
    func unknownCase() {
        var kiosk = KioskSamples.kiosk()
        _ = kiosk.type("4202611280003")
        _ = kiosk.handle(.enter, now: KioskSamples.now)
        let failure = DaemonError.rejected(status: 404, code: "case_not_found", message: "no case")
        _ = kiosk.receive(.caseFound("C20261128-0003", .failure(failure)), now: KioskSamples.now)
        #expect(kiosk.screen().contains("C20261128-0003"))
        #expect(kiosk.screen().contains("未找到此办件号，请核对后重新输入"))
    }

    @Test("too few digits are refused before anything is sent")
    func shortCase() {
        var kiosk = KioskSamples.kiosk()
        _ = kiosk.type("412345")
        #expect(kiosk.handle(.enter, now: KioskSamples.now).isEmpty)
        #expect(kiosk.screen().contains("办件号应为 12 位数字"))
        #expect(CaseNumber.normalize("C20261128-0003") == "C20261128-0003")
        #expect(CaseNumber.normalize("202611280003") == "C20261128-0003")
        #expect(CaseNumber.normalize("X20261128-0003") == nil)
    }

    @Test("a rating takes the ticket's letter, its digits and one of the five levels")
    func rating() {
        var kiosk = KioskSamples.kiosk()
        _ = kiosk.type("5")
        #expect(kiosk.screen().contains("1  A\n    2  B\n    3  C"))
        _ = kiosk.type("1")
        _ = kiosk.type("12")
        #expect(kiosk.screen().contains("A12_"))
        _ = kiosk.handle(.enter, now: KioskSamples.now)
        let screen = kiosk.screen()
        #expect(screen.contains("您对 A012 号的服务满意吗？"))
        #expect(screen.contains("5  非常满意") && screen.contains("1  非常不满意"))
        #expect(kiosk.type("5") == [.evaluate(number: "A012", rating: 5)])
        let done = EvaluationInfo(number: "A012", rating: 5)
        _ = kiosk.receive(.evaluated(number: "A012", .success(done)), now: KioskSamples.now)
        #expect(kiosk.screen().contains("感谢您的评价：非常满意"))
    }

    @Test("a tap on a rating level rates with it")
    func ratingTap() {
        var kiosk = KioskSamples.kiosk()
        _ = kiosk.type("5112")
        _ = kiosk.handle(.enter, now: KioskSamples.now)
        let frame = kiosk.frame(width: 80, height: 24, now: KioskSamples.now)
        let row = (0..<24).first { frame.line($0).contains("2  不满意") }!
        let tap = frame.input(forTapAt: row, column: 8)
        #expect(tap == .select(2))
        #expect(kiosk.handle(tap!, now: KioskSamples.now) == [.evaluate(number: "A012", rating: 2)])
    }
}
