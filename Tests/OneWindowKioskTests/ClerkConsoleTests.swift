import Foundation
import OneWindowKiosk
import Testing

@Suite("Clerk console", .timeLimit(.minutes(2)))
struct ClerkConsoleTests {
    /// A console at window 1 with the hall loaded and A012 (visit 2 of a case) called.
    func console() -> ClerkConsole {
        var console = ClerkConsole(window: "1")
        let queue = QueueSnapshot(
            day: "2026-11-29",
            queues: [.init(prefix: "A", waiting: 4), .init(prefix: "B", waiting: 1), .init(prefix: "C", waiting: 2)],
            lastCalls: [])
        _ = console.receive(
            .loaded(KioskSamples.hall, KioskSamples.services, KioskSamples.hall.windows, queue), now: KioskSamples.now)
        _ = console.receive(.streamConnected, now: KioskSamples.now)
        var ticket = KioskSamples.ticket
        ticket.status = "called"
        ticket.callCount = 1
        ticket.visit = 2
        ticket.case = KioskSamples.openCase
        #expect(console.handle(.text("1"), now: KioskSamples.now) == [.command(.callNext(window: "1"))])
        let effects = console.receive(.commandDone(.callNext(window: "1"), .success(ticket)), now: KioskSamples.now)
        #expect(effects == [.loadTicket(id: ticket.id), .loadGuide(serviceId: "T-HY-001")])
        _ = console.receive(.ticket(.success(ticket)), now: KioskSamples.now)
        _ = console.receive(.guide(.success(KioskSamples.guide)), now: KioskSamples.now)
        return console
    }

    @Test(
        "the console shows the waiting count, the current ticket, its case's earlier visits and the materials",
        arguments: [(80, 24), (120, 40)])
    func screen(width: Int, height: Int) {
        let frame = console().frame(width: width, height: height, now: KioskSamples.now)
        let text = frame.text
        #expect(frame.line(0).hasPrefix(" 1号综合窗口  窗口工作台"))
        #expect(text.contains("等候：A 4  B 1  C 2   共 7 人"))
        #expect(text.contains("● 实时"))
        #expect(text.contains("当前号码  A012  内地居民结婚登记  已呼叫 1 次"))
        #expect(text.contains("办件号 C20261129-0007  第 2 次来办"))
        #expect(text.contains("2026-11-28  A005  需补正：缺 户口簿"))
        #expect(text.contains("2. 户口簿（原件 1 份）  ← 上次缺少"))
        #expect(frame.line(height - 1).hasPrefix(" 1 叫号  2 重呼  3 过号  4 转办  5 办结  6 暂停  7 恢复"))
        #expect(frame.input(forTapAt: height - 1, column: 2) == .text("1"))
    }

    @Test("needs_more: the clerk ticks missing materials by number and sends their ids")
    func needsMore() {
        var console = console()
        _ = console.handle(.text("5"), now: KioskSamples.now)
        #expect(console.screen().contains("3  需补正（勾选缺少的材料）"))
        _ = console.handle(.text("3"), now: KioskSamples.now)
        #expect(console.handle(.enter, now: KioskSamples.now).isEmpty)
        #expect(console.screen().contains("请至少勾选一项缺少的材料"))
        _ = console.handle(.text("2"), now: KioskSamples.now)
        _ = console.handle(.text("3"), now: KioskSamples.now)
        _ = console.handle(.text("3"), now: KioskSamples.now)
        #expect(console.screen().contains("[x] 2. 户口簿"))
        #expect(console.screen().contains("[ ] 3. 近期半身免冠合影照片"))
        let sent = console.handle(.enter, now: KioskSamples.now)
        #expect(
            sent == [
                .command(
                    .complete(
                        ticketId: KioskSamples.ticket.id, window: "1", outcome: .needsMore, missingMaterials: ["m2"],
                        note: nil))
            ])
        #expect(console.busy)
        _ = console.receive(
            .commandDone(
                .complete(
                    ticketId: KioskSamples.ticket.id, window: "1", outcome: .needsMore, missingMaterials: ["m2"],
                    note: nil), .success(nil)), now: KioskSamples.now)
        #expect(console.current == nil)
        #expect(console.screen().contains("A012 需补正"))
    }

    @Test("rejected needs a typed reason")
    func rejected() {
        var console = console()
        _ = console.handle(.text("5"), now: KioskSamples.now)
        _ = console.handle(.text("4"), now: KioskSamples.now)
        #expect(console.handle(.enter, now: KioskSamples.now).isEmpty)
        for character in "不符合条件" { _ = console.handle(.text(character), now: KioskSamples.now) }
        #expect(console.screen().contains("[ 不符合条件_ ]"))
        #expect(
            console.handle(.enter, now: KioskSamples.now) == [
                .command(
                    .complete(
                        ticketId: KioskSamples.ticket.id, window: "1", outcome: .rejected, missingMaterials: [],
                        note: "不符合条件"))
            ])
    }

    @Test("one key is one command: keys wait while a command is on its way")
    func busy() {
        var console = ClerkConsole(window: "1")
        _ = console.receive(
            .loaded(
                KioskSamples.hall, KioskSamples.services, KioskSamples.hall.windows,
                QueueSnapshot(day: "d", queues: [], lastCalls: [])), now: KioskSamples.now)
        #expect(console.handle(.text("1"), now: KioskSamples.now).count == 1)
        #expect(console.handle(.text("1"), now: KioskSamples.now).isEmpty)
        _ = console.receive(.commandDone(.callNext(window: "1"), .success(nil)), now: KioskSamples.now)
        #expect(console.screen().contains("没有等候的号码"))
        #expect(console.handle(.text("1"), now: KioskSamples.now).count == 1)
    }

    @Test("the daemon's refusal shows in the clerk's words with its code")
    func refusal() {
        var console = console()
        _ = console.handle(.text("1"), now: KioskSamples.now)
        _ = console.receive(
            .commandDone(.callNext(window: "1"), .failure(.rejected(status: 409, code: "window_busy", message: ""))),
            now: KioskSamples.now)
        #expect(console.screen().contains("请先办结或过号当前号码（window_busy）"))
    }

    @Test("a token of another window, or of none, is said in words the manager can act on")
    func windowRefusal() {
        for (code, words) in [("wrong_window", "本机令牌属于另一个窗口"), ("token_unbound", "本机令牌未绑定窗口")] {
            var console = console()
            _ = console.handle(.text("1"), now: KioskSamples.now)
            _ = console.receive(
                .commandDone(.callNext(window: "1"), .failure(.rejected(status: 403, code: code, message: ""))),
                now: KioskSamples.now)
            #expect(console.screen().contains(words), "\(code)")
        }
    }

    @Test("events refresh the waiting count, one request at a time; a lost stream says offline")
    func live() {
        var console = console()
        // The refresh that the stream's opening asked for comes back first.
        let first = QueueSnapshot(day: "d", queues: [.init(prefix: "A", waiting: 5)], lastCalls: [])
        #expect(console.receive(.queue(first), now: KioskSamples.now).isEmpty)
        #expect(console.receive(.streamEvent(kind: "issued"), now: KioskSamples.now) == [.refreshQueue])
        #expect(console.receive(.streamEvent(kind: "issued"), now: KioskSamples.now).isEmpty)
        let newer = QueueSnapshot(day: "d", queues: [.init(prefix: "A", waiting: 6)], lastCalls: [])
        #expect(console.receive(.queue(newer), now: KioskSamples.now) == [.refreshQueue])
        #expect(console.waiting == 6)
        _ = console.receive(.streamLost, now: KioskSamples.now)
        #expect(console.screen().contains("○ 连接中断"))
    }
}
