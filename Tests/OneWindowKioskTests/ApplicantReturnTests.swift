import Foundation
import OneWindowCore
import OneWindowKiosk
import Testing

@Suite("Applicant kiosk: the ticket, a returning case, a rating", .timeLimit(.minutes(2)))
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
        #expect(screen.contains("· 【上次缺少】户口簿（原件 1 份）"))
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

    @Test("a rating takes the ticket's letter, its digits, the receipt's code and one of the five levels")
    func rating() {
        var kiosk = KioskSamples.kiosk()
        _ = kiosk.type("5")
        #expect(kiosk.screen().contains("1  A\n    2  B\n    3  C"))
        _ = kiosk.type("1")
        _ = kiosk.type("12")
        #expect(kiosk.screen().contains("A12_"))
        _ = kiosk.handle(.enter, now: KioskSamples.now)
        #expect(kiosk.screen().contains("请输入小票上 A012 号的评价码"))
        _ = kiosk.type("402")
        _ = kiosk.handle(.enter, now: KioskSamples.now)
        #expect(kiosk.screen().contains("评价码是小票上的 6 位数字"), "three digits are not a code")
        _ = kiosk.type("817")
        #expect(kiosk.screen().contains("402817"))
        _ = kiosk.handle(.enter, now: KioskSamples.now)
        let screen = kiosk.screen()
        #expect(screen.contains("您对 A012 号的服务满意吗？"))
        #expect(screen.contains("5  非常满意") && screen.contains("1  非常不满意"))
        #expect(kiosk.type("5") == [.evaluate(RatingRequest(number: "A012", code: "402817", rating: 5))])
        let done = EvaluationInfo(number: "A012", rating: 5)
        _ = kiosk.receive(.evaluated(number: "A012", .success(done)), now: KioskSamples.now)
        #expect(kiosk.screen().contains("感谢您的评价：非常满意"))
    }

    @Test("after a 1 or 2 the kiosk asks why: at least one reason, toggled by number or tap")
    func ratingReasons() {
        var kiosk = KioskSamples.kiosk()
        _ = kiosk.type("5112")
        _ = kiosk.handle(.enter, now: KioskSamples.now)
        _ = kiosk.type("402817")
        _ = kiosk.handle(.enter, now: KioskSamples.now)
        #expect(kiosk.type("1") == [])
        let screen = kiosk.screen()
        #expect(screen.contains("请选择不满意的原因") && screen.contains("1  [ ] 服务态度"))
        #expect(screen.contains("3  [ ] 一次性告知/材料要求") && screen.contains("6  [ ] 其他"))
        #expect(kiosk.handle(.enter, now: KioskSamples.now) == [])
        #expect(kiosk.screen().contains("请至少选择一项原因"))
        _ = kiosk.type("6")
        _ = kiosk.type("2")
        _ = kiosk.type("6")
        _ = kiosk.type("6")
        #expect(kiosk.screen().contains("2  [x] 办事效率/等候时间") && kiosk.screen().contains("6  [x] 其他"))
        let frame = kiosk.frame(width: 80, height: 24, now: KioskSamples.now)
        let row = (0..<24).first { frame.line($0).contains("服务态度") }!
        #expect(frame.input(forTapAt: row, column: 8) == .select(1))
        _ = kiosk.handle(.select(1), now: KioskSamples.now)
        let sent = kiosk.handle(.enter, now: KioskSamples.now)
        let request = RatingRequest(
            number: "A012", code: "402817", rating: 1, reasons: ["attitude", "efficiency", "other"])
        #expect(sent == [.evaluate(request)])
    }

    @Test("a tap on a rating level rates with it; a wrong code is said plainly")
    func ratingTap() {
        var kiosk = KioskSamples.kiosk()
        _ = kiosk.type("5112")
        _ = kiosk.handle(.enter, now: KioskSamples.now)
        _ = kiosk.type("1234")
        _ = kiosk.handle(.enter, now: KioskSamples.now)
        let frame = kiosk.frame(width: 80, height: 24, now: KioskSamples.now)
        let row = (0..<24).first { frame.line($0).contains("4  满意") }!
        let tap = frame.input(forTapAt: row, column: 8)
        #expect(tap == .select(4))
        #expect(
            kiosk.handle(tap!, now: KioskSamples.now) == [
                .evaluate(RatingRequest(number: "A012", code: "1234", rating: 4))
            ])
        let wrong = DaemonError.rejected(status: 403, code: "evaluation_code_invalid", message: "x")
        _ = kiosk.receive(.evaluated(number: "A012", .failure(wrong)), now: KioskSamples.now)
        #expect(kiosk.screen().contains("评价码不对"))
    }

    @Test("the kiosk's reasons are the daemon's: same ids, order and Chinese labels")
    func reasonsMatchTheDaemon() {
        #expect(RatingReasons.all.map(\.id) == EvaluationReason.all.map(\.id))
        #expect(RatingReasons.all.map(\.label) == EvaluationReason.all.map(\.label))
    }
}

@Suite("The ticket screen's evaluation code", .timeLimit(.minutes(2)))
struct TicketScreenCodeTests {
    @Test("the ticket screen shows the evaluation code above the case number, on an 80×24 screen")
    func codeShown() {
        var kiosk = KioskSamples.kiosk()
        _ = kiosk.type("111")
        _ = kiosk.receive(.guide(serviceId: "T-HY-001", .success(KioskSamples.guide)), now: KioskSamples.now)
        _ = kiosk.type("11")
        _ = kiosk.receive(.issued(key: "key-1", .success(KioskSamples.ticket)), now: KioskSamples.now)
        let screen = kiosk.screen()
        #expect(screen.contains("评价码：402817"), "\(screen)")
        #expect(screen.contains("办件号：C20261129-0007"))
    }
}
