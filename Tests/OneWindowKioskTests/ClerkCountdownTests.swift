import Foundation
import OneWindowKiosk
import Testing

/// What the console says about its own window: who it can call, and when a no-show is allowed.
@Suite("Clerk console: waiting count and no-show countdown", .timeLimit(.minutes(2)))
struct ClerkCountdownTests {
    func loaded(_ queue: QueueSnapshot) -> ClerkConsole {
        var console = ClerkConsole(window: "1")
        _ = console.receive(
            .loaded(KioskSamples.hall, KioskSamples.services, KioskSamples.hall.windows, queue), now: KioskSamples.now)
        return console
    }

    @Test("the waiting count is what this window can call, from the daemon, not its letters' counts")
    func callableCount() {
        // Letter A has 4 waiting, but only 1 of them is for a service window 1 takes.
        var console = loaded(
            QueueSnapshot(
                day: "d", queues: [.init(prefix: "A", waiting: 4)], lastCalls: [],
                windows: [.init(id: "1", callable: 1), .init(id: "2", callable: 4)]))
        #expect(console.waiting == 1)
        #expect(console.screen().contains("本窗口等候：1 人"))
        #expect(!console.screen().contains("共 4 人"))
        _ = console.receive(
            .queue(QueueSnapshot(day: "d", queues: [.init(prefix: "A", waiting: 3)], lastCalls: [], windows: [])),
            now: KioskSamples.now)
        #expect(console.waiting == 0, "a window the daemon does not list can call nobody")
        _ = console.receive(.commandDone(.callNext(window: "1"), .success(nil)), now: KioskSamples.now)
        #expect(console.screen().contains("本窗口等候：0 人") && console.screen().contains("没有等候的号码"))
    }

    @Test("after a call the console counts down to when a no-show is allowed, then says nothing")
    func countdown() {
        var console = loaded(QueueSnapshot(day: "d", queues: [], lastCalls: [], windows: [.init(id: "1", callable: 1)]))
        var ticket = KioskSamples.ticket
        ticket.status = "called"
        ticket.callCount = 1
        ticket.secondsBeforeNoShow = 90
        _ = console.handle(.text("1"), now: KioskSamples.now)
        _ = console.receive(.commandDone(.callNext(window: "1"), .success(ticket)), now: KioskSamples.now)
        #expect(console.screen(now: KioskSamples.now + 30).contains("过号倒计时 60 秒：申请人可能还在路上"))
        #expect(console.secondsBeforeNoShow(at: KioskSamples.now + 89.5) == 1)
        #expect(!console.screen(now: KioskSamples.now + 90).contains("过号倒计时"))
        // Pressed too early anyway: the daemon's refusal in the clerk's words.
        _ = console.handle(.text("3"), now: KioskSamples.now + 5)
        _ = console.receive(
            .commandDone(
                .noShow(ticketId: ticket.id, window: "1"),
                .failure(.rejected(status: 409, code: "too_soon_for_no_show", message: ""))),
            now: KioskSamples.now + 5)
        #expect(console.screen(now: KioskSamples.now + 5).contains("申请人可能还在路上，请等倒计时结束再过号"))
        // A recall answers the daemon's countdown again (from the first call, so it does not restart).
        ticket.secondsBeforeNoShow = 40
        _ = console.handle(.text("2"), now: KioskSamples.now + 50)
        _ = console.receive(.commandDone(.recall(window: "1"), .success(ticket)), now: KioskSamples.now + 50)
        #expect(console.secondsBeforeNoShow(at: KioskSamples.now + 50) == 40)
    }
}
