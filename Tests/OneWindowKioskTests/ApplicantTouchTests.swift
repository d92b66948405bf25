import Foundation
import OneWindowKiosk
import Testing

extension ScreenBuffer {
    /// Where `text` is drawn: its row and first column (by display width), for tapping it.
    func position(of text: String) -> (row: Int, column: Int)? {
        for row in 0..<height {
            let line = self.line(row)
            if let range = line.range(of: text) {
                return (row, DisplayWidth.of(line[line.startIndex..<range.lowerBound]))
            }
        }
        return nil
    }

    /// The input a tap on `text` stands for.
    func tap(_ text: String) -> InputEvent? {
        position(of: text).flatMap { input(forTapAt: $0.row, column: $0.column + 1) }
    }
}

@Suite("Applicant kiosk by touch alone", .timeLimit(.minutes(2)))
struct ApplicantTouchTests {
    /// Taps `text` on the kiosk's screen at `width`×`height`; false when nothing there is tappable.
    @discardableResult
    func tap(_ text: String, on kiosk: inout ApplicantKiosk, _ width: Int = 80, _ height: Int = 24)
        -> [ApplicantEffect]?
    {
        kiosk.resize(width: width, height: height)
        guard let input = kiosk.frame(width: width, height: height, now: KioskSamples.now).tap(text) else { return nil }
        return kiosk.handle(input, now: KioskSamples.now)
    }

    @Test(
        "返回 and 首页 are drawn in the footer and tapping them goes back and home",
        arguments: [(80, 24), (60, 40), (90, 17)])
    func backAndHome(width: Int, height: Int) {
        var kiosk = KioskSamples.kiosk()
        #expect(tap("个人办事", on: &kiosk, width, height) != nil)
        #expect(tap("婚姻登记", on: &kiosk, width, height) != nil)
        #expect(kiosk.screen(width, height).contains("婚姻登记：请选择事项"))
        #expect(kiosk.screen(width, height).contains("[返回]") && kiosk.screen(width, height).contains("[首页]"))
        #expect(tap("[返回]", on: &kiosk, width, height) != nil)
        #expect(kiosk.screen(width, height).contains("个人办事：请选择类别"))
        #expect(tap("[首页]", on: &kiosk, width, height) != nil)
        #expect(kiosk.screen(width, height).contains("欢迎！请选择您要办理的业务"))
    }

    @Test("the letter keyboard finds 内地居民结婚登记 by J, H, and a tap opens it; Enter lists the matches")
    func initials() {
        var kiosk = KioskSamples.kiosk()
        _ = tap("搜索事项", on: &kiosk)
        #expect(kiosk.screen().contains("[A]  [B]  [C]"), "\(kiosk.screen())")
        #expect(kiosk.screen(60, 40).contains("[A] [B] [C]"), "\(kiosk.screen(60, 40))")
        _ = tap("[J]", on: &kiosk)
        _ = tap("[H]", on: &kiosk)
        let screen = kiosk.screen()
        #expect(screen.contains("[ JH_ ]"), "\(screen)")
        #expect(screen.contains("1  内地居民结婚登记"))
        #expect(!screen.contains("离婚"))
        #expect(tap("内地居民结婚登记", on: &kiosk) == [.loadGuide(serviceId: "T-HY-001")])
        // Back on the keyboard, 搜索 lists the matches without asking the daemon.
        var again = KioskSamples.kiosk()
        _ = again.type("3")
        _ = again.type("DB")
        #expect(again.screen().contains("匹配") == false, "最低生活保障 is ZDSHBZ: DB is not its initials")
        #expect(tap("[搜索]", on: &again) == [.search("db")])
        // The daemon's answer to the letters typed in capitals is taken as theirs.
        _ = again.receive(.searchResults(query: "db", .success([KioskSamples.services[2]])), now: KioskSamples.now)
        #expect(again.screen().contains("1  最低生活保障"), "\(again.screen())")
        // Once the guide with its aliases has arrived, D, B finds it by 低保.
        var dibao = ChecklistSamples.dibao
        dibao.aliases = ["低保", "城市低保"]
        _ = again.receive(.guideCached(dibao), now: KioskSamples.now)
        _ = again.handle(.home, now: KioskSamples.now)
        _ = again.type("3DB")
        #expect(again.screen().contains("[ DB_ ]"), "\(again.screen())")
        #expect(again.screen().contains("匹配的事项（点按打开）：\n    1  最低生活保障"), "\(again.screen())")
        var third = KioskSamples.kiosk()
        _ = third.type("3")
        _ = third.type("ZD")
        #expect(tap("[搜索]", on: &third) == [])
        #expect(third.screen().contains("“ZD”的搜索结果") && third.screen().contains("1  最低生活保障"))
    }

    @Test("pinyin initials: polyphones and Latin letters match, punctuation does not")
    func initialsTable() {
        #expect(PinyinInitials.matches("JH", in: PinyinInitials.of("内地居民结婚登记")))
        #expect(PinyinInitials.matches("ZD", in: PinyinInitials.of("最低生活保障")))
        #expect(PinyinInitials.matches("CJ", in: PinyinInitials.of("残疾人两项补贴")))
        #expect(!PinyinInitials.matches("JHX", in: PinyinInitials.of("结婚")))
        #expect(
            PinyinInitials.matches("YH", in: PinyinInitials.of("银行"))
                && PinyinInitials.matches("YX", in: PinyinInitials.of("银行")))
    }

    @Test("正在搜索… goes once the results appear")
    func searchingNotice() {
        var kiosk = KioskSamples.kiosk()
        _ = kiosk.type("3")
        _ = kiosk.type("结婚")
        #expect(kiosk.handle(.enter, now: KioskSamples.now) == [.search("结婚")])
        #expect(kiosk.screen().contains("正在搜索…"))
        _ = kiosk.receive(.searchResults(query: "结婚", .success([KioskSamples.services[0]])), now: KioskSamples.now)
        #expect(kiosk.screen().contains("1  内地居民结婚登记"))
        #expect(!kiosk.screen().contains("正在搜索…"))
    }

    @Test("the case number and the rating code can be typed on the on-screen digits")
    func digitPad() {
        var kiosk = KioskSamples.kiosk()
        _ = tap("凭办件号续办", on: &kiosk)
        for digit in "202611280003" { _ = tap("[\(digit)]", on: &kiosk) }
        #expect(kiosk.screen().contains("C20261128-0003"), "\(kiosk.screen())")
        _ = tap("[删除]", on: &kiosk)
        #expect(kiosk.screen().contains("C20261128-000_"))
        _ = tap("[3]", on: &kiosk)
        #expect(tap("[回车 确认]", on: &kiosk) == [.lookUpCase("C20261128-0003")])
    }

    @Test("the footer's page keys are tappable on a long list")
    func pagerTap() {
        var kiosk = ChecklistSamples.returning(width: 90, height: 17)
        let first = kiosk.screen(90, 17)
        #expect(tap("下一页，看其余材料", on: &kiosk, 90, 17) != nil)
        #expect(kiosk.screen(90, 17).contains("第 2/"))
        #expect(tap("- 上一页", on: &kiosk, 90, 17) != nil)
        #expect(kiosk.screen(90, 17) == first)
    }

    @Test("idle: the last 20 seconds count down on screen, a tap anywhere keeps the screen, then it clears")
    func idleCountdown() {
        var kiosk = KioskSamples.kiosk(idleTimeout: 60)
        _ = kiosk.type("1")
        let at = { (seconds: Double) in KioskSamples.now.addingTimeInterval(seconds) }
        #expect(!kiosk.screen(now: at(39)).contains("秒后返回首页"))
        #expect(kiosk.screen(now: at(40)).contains("20 秒后返回首页，点按继续"), "\(kiosk.screen(now: at(40)))")
        #expect(kiosk.screen(now: at(55)).contains("5 秒后返回首页，点按继续"))
        // A tap on nothing in particular keeps the screen and restarts the wait.
        #expect(kiosk.handle(.tap(row: 10, column: 70), now: at(55)).isEmpty)
        #expect(kiosk.tick(now: at(60)).isEmpty)
        #expect(kiosk.screen(now: at(60)).contains("个人办事：请选择类别"))
        #expect(!kiosk.screen(now: at(60)).contains("秒后返回首页"))
        _ = kiosk.tick(now: at(115))
        #expect(kiosk.screen(now: at(115)).contains("欢迎！请选择您要办理的业务"))
    }
}
