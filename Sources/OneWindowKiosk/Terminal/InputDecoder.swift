/// Turns the bytes a terminal sends into `InputEvent`s: UTF-8 text, control keys, CSI and
/// SS3 cursor and keypad sequences, and xterm SGR mouse reports (`ESC [ < b ; x ; y M`).
///
/// Sequences may arrive split over several reads; the unfinished tail is kept for the next
/// call. An ESC alone at the end of a read is the Esc key (terminals send sequences whole).
public struct InputDecoder: Sendable {
    private var pending: [UInt8] = []

    public init() {}

    public mutating func decode(_ bytes: some Sequence<UInt8>) -> [InputEvent] {
        pending.append(contentsOf: bytes)
        var events: [InputEvent] = []
        var index = 0
        while index < pending.count {
            guard let (event, length) = Self.decodeOne(pending, at: index) else { break }
            if let event { events.append(event) }
            index += length
        }
        pending.removeFirst(index)
        return events
    }

    /// One event (or nil for ignored bytes) and the bytes it used; nil when more bytes are needed.
    static func decodeOne(_ bytes: [UInt8], at start: Int) -> (InputEvent?, Int)? {
        let byte = bytes[start]
        switch byte {
        case 0x1B: return decodeEscape(bytes, at: start)
        case 0x0D, 0x0A: return (.enter, 1)
        case 0x7F, 0x08: return (.backspace, 1)
        case 0x09: return (.tab, 1)
        case 0x03: return (.interrupt, 1)
        case 0..<0x20: return (nil, 1)
        default: return decodeUTF8(bytes, at: start)
        }
    }

    private static func decodeUTF8(_ bytes: [UInt8], at start: Int) -> (InputEvent?, Int)? {
        let byte = bytes[start]
        let length =
            switch byte {
            case 0..<0x80: 1
            case 0xC0..<0xE0: 2
            case 0xE0..<0xF0: 3
            case 0xF0..<0xF8: 4
            default: 0
            }
        guard length > 0 else { return (nil, 1) }
        guard start + length <= bytes.count else { return nil }
        let text = String(decoding: bytes[start..<(start + length)], as: UTF8.self)
        guard let character = text.first, text.unicodeScalars.first != "\u{FFFD}" else { return (nil, 1) }
        return (.text(character), length)
    }

    private static func decodeEscape(_ bytes: [UInt8], at start: Int) -> (InputEvent?, Int)? {
        guard start + 1 < bytes.count else { return (.escape, 1) }
        let kind = bytes[start + 1]
        if kind == UInt8(ascii: "O") {
            guard start + 2 < bytes.count else { return nil }
            return (ss3(bytes[start + 2]), 3)
        }
        guard kind == UInt8(ascii: "[") else { return (.escape, 1) }
        // CSI: parameters and intermediates (0x20–0x3F), then one final byte (0x40–0x7E).
        var end = start + 2
        while end < bytes.count, (0x20...0x3F).contains(bytes[end]) { end += 1 }
        guard end < bytes.count else { return nil }
        let parameters = String(decoding: bytes[(start + 2)..<end], as: UTF8.self)
        return (csi(parameters, final: bytes[end]), end - start + 1)
    }

    /// Keypad keys in application mode and cursor keys in SS3 form.
    private static func ss3(_ final: UInt8) -> InputEvent? {
        switch final {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        case UInt8(ascii: "M"): .enter
        case UInt8(ascii: "H"): .home
        case UInt8(ascii: "p")...UInt8(ascii: "y"): .text(Character(UnicodeScalar(final - UInt8(ascii: "p") + 0x30)))
        case UInt8(ascii: "k"): .text("+")
        case UInt8(ascii: "m"): .text("-")
        case UInt8(ascii: "j"): .text("*")
        case UInt8(ascii: "o"): .text("/")
        case UInt8(ascii: "n"): .text(".")
        default: nil
        }
    }

    private static func csi(_ parameters: String, final: UInt8) -> InputEvent? {
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H") where parameters.isEmpty: return .home
        case UInt8(ascii: "~"):
            switch parameters {
            case "1", "7": return .home
            case "3": return .backspace  // Delete
            case "5": return .pageUp
            case "6": return .pageDown
            default: return nil
            }
        case UInt8(ascii: "M"), UInt8(ascii: "m"):
            return mouse(parameters, pressed: final == UInt8(ascii: "M"))
        default: return nil
        }
    }

    /// SGR mouse: `<button;column;row` (1-based). A press of the first button is a tap;
    /// the wheel pages; releases and motion are ignored.
    private static func mouse(_ parameters: String, pressed: Bool) -> InputEvent? {
        guard parameters.hasPrefix("<") else { return nil }
        let numbers = parameters.dropFirst().split(separator: ";").compactMap { Int($0) }
        guard numbers.count == 3, pressed else { return nil }
        let button = numbers[0]
        if button & 64 != 0 { return button & 1 == 0 ? .pageUp : .pageDown }
        guard button & 3 == 0, button & 32 == 0 else { return nil }
        return .tap(row: numbers[2] - 1, column: numbers[1] - 1)
    }
}
