import OneWindowKiosk
import Testing

@Suite("Screen buffer", .timeLimit(.minutes(2)))
struct ScreenBufferTests {
    @Test("a wide character fills two cells and reads back once")
    func wide() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        #expect(buffer.write("号A", row: 0, column: 0) == 3)
        #expect(buffer[0, 0].character == "号")
        #expect(buffer[0, 1].character == nil)
        #expect(buffer[0, 2].character == "A")
        #expect(buffer.line(0) == "号A")
    }

    @Test("a wide character that would straddle the right edge is left out")
    func edge() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        #expect(buffer.write("中文字", row: 0, column: 0) == 4)
        #expect(buffer.line(0) == "中文")
        #expect(buffer[0, 4].character == " ")
    }

    @Test("overwriting half of a wide character blanks its other half")
    func overwrite() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.write("中文", row: 0, column: 0)
        buffer.write("x", row: 0, column: 1)
        #expect(buffer.line(0) == " x文")
        buffer.write("y", row: 0, column: 2)
        #expect(buffer.line(0) == " xy")
    }

    @Test("a box lines up around Chinese text")
    func box() {
        var buffer = ScreenBuffer(width: 12, height: 3)
        buffer.box(top: 0, left: 0, bottom: 2, right: 11)
        buffer.write("结婚登记", row: 1, column: 2)
        #expect(buffer.text == "┌──────────┐\n│ 结婚登记 │\n└──────────┘")
    }

    @Test("a tap inside a choice gives its key, a tap elsewhere nothing")
    func taps() {
        var buffer = ScreenBuffer(width: 20, height: 5)
        buffer.tapTarget(row: 2, columns: 0..<10, input: .select(3))
        #expect(buffer.input(forTapAt: 2, column: 4) == .select(3))
        #expect(buffer.input(forTapAt: 3, column: 4) == nil)
    }

    @Test("the painter moves to each row and switches style only where it changes")
    func painter() {
        var buffer = ScreenBuffer(width: 4, height: 2)
        buffer.write("号", row: 0, column: 0, style: .bold)
        let text = String(decoding: FramePainter.bytes(of: buffer), as: UTF8.self)
        #expect(text == "\u{1B}[1;1H\u{1B}[0;1m号\u{1B}[0m  \u{1B}[2;1H    \u{1B}[0m")
    }

    @Test("a long choice wraps under itself, each of its rows a tap target for it, and never splits across pages")
    func wrappedChoices() {
        var buffer = ScreenBuffer(width: 40, height: 8)
        let items = [
            "Recognition", "Approval of public fundraising qualification for a charity", "Filing", "Four", "Five",
        ]
        let pages = buffer.choices(items, rows: 0...5, page: 0, language: .en)
        #expect(buffer.line(0) == "    1  Recognition")
        #expect(buffer.line(1) == "    2  Approval of public fundraising")
        #expect(buffer.line(2) == "       qualification for a charity")
        #expect(buffer.input(forTapAt: 2, column: 10) == .select(2))
        #expect(buffer.line(3) == "    3  Filing")
        #expect(pages == 2)
        #expect(buffer.line(5).hasPrefix("    page 1/2"))
    }
}
