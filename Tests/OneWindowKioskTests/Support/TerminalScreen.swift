import Foundation
import OneWindowKiosk

/// Reads what a program drew by replaying its output into a screen: enough of a terminal
/// for what the kiosk sends (cursor moves, clears, styles and modes, UTF-8 text).
struct TerminalScreen {
    private(set) var buffer: ScreenBuffer
    private var row = 0
    private var column = 0

    init(width: Int, height: Int) {
        buffer = ScreenBuffer(width: width, height: height)
    }

    /// The screen after all of `bytes`.
    static func replay(_ bytes: [UInt8], width: Int, height: Int) -> TerminalScreen {
        var screen = TerminalScreen(width: width, height: height)
        screen.feed(bytes)
        return screen
    }

    var text: String { buffer.text }

    mutating func feed(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x1B, index + 1 < bytes.count {
                if bytes[index + 1] == UInt8(ascii: "[") {
                    var end = index + 2
                    while end < bytes.count, !(0x40...0x7E).contains(bytes[end]) { end += 1 }
                    guard end < bytes.count else { return }
                    control(String(decoding: bytes[(index + 2)..<end], as: UTF8.self), final: bytes[end])
                    index = end + 1
                } else {
                    index += 2  // ESC > and the like
                }
                continue
            }
            let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            guard index + length <= bytes.count else { return }
            let text = String(decoding: bytes[index..<(index + length)], as: UTF8.self)
            if byte >= 0x20 {
                column += buffer.write(text, row: row, column: column)
            }
            index += length
        }
    }

    private mutating func control(_ parameters: String, final: UInt8) {
        switch final {
        case UInt8(ascii: "H"):
            let numbers = parameters.split(separator: ";").compactMap { Int($0) }
            row = (numbers.first ?? 1) - 1
            column = (numbers.count > 1 ? numbers[1] : 1) - 1
        case UInt8(ascii: "J") where parameters == "2":
            buffer = ScreenBuffer(width: buffer.width, height: buffer.height)
        default:
            break
        }
    }
}
