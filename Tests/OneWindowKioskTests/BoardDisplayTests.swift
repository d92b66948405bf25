import Foundation
import OneWindowKiosk
import Testing

@Suite("Text display board", .timeLimit(.minutes(2)))
struct BoardDisplayTests {
    let state = BoardDisplay.HallState(
        hall: "测试政务服务大厅",
        queue: QueueSnapshot(
            day: "2026-11-29",
            queues: [
                .init(prefix: "A", waiting: 3, estimatedWaitSeconds: 540, estimatedWaitMinutes: 9),
                .init(prefix: "C", waiting: 0, estimatedWaitSeconds: 0, estimatedWaitMinutes: 0),
            ],
            lastCalls: [.init(number: "A011", window: "2", calledAt: "2026-11-29T01:00:00Z")]),
        windows: KioskSamples.hall.windows)

    @Test("the board shows the daemon's minutes as they come, with no rule of its own")
    func daemonMinutes() {
        var board = BoardDisplay()
        var told = state
        // Seconds that would round to 9 minutes; the daemon says 7: the board says 7.
        told.queue.queues[0].estimatedWaitMinutes = 7
        _ = board.receive(.connected, now: KioskSamples.now)
        _ = board.receive(.state(told), now: KioskSamples.now)
        #expect(board.frame(width: 120, height: 40, now: KioskSamples.now).text.contains("A 等候 3 人 约 7 分钟"))
    }

    @Test("an empty board says 暂无叫号")
    func empty() {
        var board = BoardDisplay()
        _ = board.receive(.connected, now: KioskSamples.now)
        #expect(board.screen().contains("暂无叫号"))
    }

    @Test(
        "a call shows in large characters with its window; the last calls and the waiting per queue below",
        arguments: [(80, 24), (120, 40)])
    func call(width: Int, height: Int) {
        var board = BoardDisplay()
        _ = board.receive(.connected, now: KioskSamples.now)
        _ = board.receive(.state(state), now: KioskSamples.now)
        #expect(
            board.receive(.call(.init(number: "A012", window: "1", windowName: "1号综合窗口")), now: KioskSamples.now) == [
                .refreshQueue
            ])
        let frame = board.frame(width: width, height: height, now: KioskSamples.now)
        let big = BigText.rows("A012", scale: width == 120 ? 2 : 1)[0]  // 80×24 keeps room for the last calls
        #expect(frame.text.contains(String(big.reversed().drop { $0 == " " }.reversed())))
        #expect(frame.text.contains("请 A012 号到 1号综合窗口 办理"))
        #expect(frame.text.contains("最近叫号"))
        let recent = BigText.rows("A011")[0].trimmingCharacters(in: .whitespaces)
        #expect(frame.text.contains("  " + recent), "the last call in large characters too")
        #expect(frame.text.contains("2号窗口"))
        #expect(frame.text.contains("A 等候 3 人 约 9 分钟    C 等候 0 人"), "the wait where people wait")
        // The new call stands out, then settles.
        let row = (0..<height).first { frame.line($0).contains("█") }!
        let cell = (0..<width).map { frame[row, $0] }.first { $0.character == "█" }!
        #expect(cell.style.reverse)
        let later = board.frame(width: width, height: height, now: KioskSamples.now.addingTimeInterval(9))
        #expect(!((0..<width).map { later[row, $0] }.first { $0.character == "█" }!.style.reverse))
    }

    @Test("while disconnected the numbers dim and the board says it is reconnecting")
    func stale() {
        var board = BoardDisplay()
        _ = board.receive(.state(state), now: KioskSamples.now)
        _ = board.receive(.lost, now: KioskSamples.now)
        let frame = board.frame(width: 80, height: 24, now: KioskSamples.now)
        #expect(frame.text.contains("连接中断，正在重新连接…"))
        let row = (0..<24).first { frame.line($0).contains("█") }!
        #expect((0..<80).map { frame[row, $0] }.first { $0.character == "█" }!.style.dim)
    }

    @Test("stream events become board messages")
    func messages() {
        let called = ServerSentEvent(
            id: "5", event: "recalled", data: #"{"number":"A012","window":"3","windowName":"3号窗口"}"#)
        #expect(
            BoardMessage.from(called) == .call(.init(number: "A012", window: "3", windowName: "3号窗口", recalled: true)))
        #expect(BoardMessage.from(ServerSentEvent(event: "issued", data: "{}")) == .changed)
    }

    @Test(
        "a busy hall fits 80×24 and 90×17: every queue letter and all six recent calls, shortened, never cut",
        arguments: [(80, 24), (90, 17), (60, 40)])
    func busyHall(width: Int, height: Int) {
        let letters = ["A", "B", "C", "D", "E", "F", "G"]
        let busy = BoardDisplay.HallState(
            hall: "大连市民政局政务服务大厅",
            queue: QueueSnapshot(
                day: "2026-11-29",
                queues: letters.enumerated().map { index, letter in
                    .init(
                        prefix: letter, waiting: 10 + index, estimatedWaitSeconds: 1800,
                        estimatedWaitMinutes: 30 + index)
                },
                lastCalls: (1...7).map {
                    .init(number: "B0\(10 + $0)", window: "\($0)", calledAt: "2026-11-29T01:00:00Z")
                }
                .reversed()),
            windows: KioskSamples.hall.windows)
        var board = BoardDisplay()
        _ = board.receive(.connected, now: KioskSamples.now)
        _ = board.receive(.state(busy), now: KioskSamples.now)
        _ = board.receive(.call(.init(number: "B017", window: "7", windowName: "7号社会救助和福利窗口")), now: KioskSamples.now)
        let text = board.frame(width: width, height: height, now: KioskSamples.now).text
        #expect(text.contains("请 B017 号到 7号社会救助和福利窗口 办理"), "\(text)")
        for (index, letter) in letters.enumerated() {
            let full = "\(letter) 等候 \(10 + index) 人 约 \(30 + index) 分钟"
            let short = "\(letter) \(10 + index)人 约\(30 + index)分"
            #expect(text.contains(full) || text.contains(short), "\(letter) at \(width)×\(height):\n\(text)")
        }
        for call in 1...6 {
            let number = "B0\(10 + call)"
            let shown = text.contains("\(number) → \(call)号窗口") || text.contains("\(number)→\(call)")
            #expect(shown, "\(number) at \(width)×\(height):\n\(text)")
        }
    }
}
