import OneWindowKiosk
import Testing

@Suite("Terminal input decoding", .timeLimit(.minutes(2)))
struct InputDecoderTests {
    func decode(_ bytes: [UInt8]) -> [InputEvent] {
        var decoder = InputDecoder()
        return decoder.decode(bytes)
    }

    @Test("keypad digits, Enter, Backspace and a lone Esc")
    func keys() {
        #expect(decode(Array("12\r".utf8)) == [.text("1"), .text("2"), .enter])
        #expect(decode([0x7F, 0x08]) == [.backspace, .backspace])
        #expect(decode([0x1B]) == [.escape])
        #expect(decode([0x03]) == [.interrupt])
    }

    @Test("cursor keys, page keys and the keypad in application mode")
    func sequences() {
        #expect(decode(Array("\u{1B}[A\u{1B}[B\u{1B}[5~\u{1B}[6~".utf8)) == [.up, .down, .pageUp, .pageDown])
        #expect(decode(Array("\u{1B}Oq\u{1B}Ow\u{1B}OM\u{1B}Ok".utf8)) == [.text("1"), .text("7"), .enter, .text("+")])
    }

    @Test("the Home key in its four forms is .home (首页)")
    func home() {
        #expect(decode(Array("\u{1B}[H\u{1B}OH\u{1B}[1~\u{1B}[7~".utf8)) == [.home, .home, .home, .home])
    }

    @Test("an xterm SGR mouse press is a tap at a 0-based position; releases and motion are not")
    func mouse() {
        #expect(decode(Array("\u{1B}[<0;12;5M".utf8)) == [.tap(row: 4, column: 11)])
        #expect(decode(Array("\u{1B}[<0;12;5m".utf8)) == [])
        #expect(decode(Array("\u{1B}[<32;12;5M".utf8)) == [])
        #expect(decode(Array("\u{1B}[<65;1;1M".utf8)) == [.pageDown])
    }

    @Test("a sequence or a Chinese character split over two reads decodes once whole")
    func split() {
        var decoder = InputDecoder()
        let mouse = Array("\u{1B}[<0;3;4M".utf8)
        #expect(decoder.decode(mouse[0..<5]) == [])
        #expect(decoder.decode(mouse[5...]) == [.tap(row: 3, column: 2)])
        let chinese = Array("结".utf8)
        #expect(decoder.decode(chinese[0..<2]) == [])
        #expect(decoder.decode(chinese[2...]) == [.text("结")])
    }

    @Test("Esc followed by a digit in one read is Esc, then the digit")
    func escapeThenDigit() {
        #expect(decode([0x1B, UInt8(ascii: "1")]) == [.escape, .text("1")])
    }
}
