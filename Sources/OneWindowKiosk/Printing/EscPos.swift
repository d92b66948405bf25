/// ESC/POS commands for receipt printers (Epson's command set, which Chinese thermal
/// printers follow), collected into one byte string.
public struct EscPos: Sendable {
    public private(set) var bytes: [UInt8] = []

    public enum Alignment: UInt8, Sendable {
        case left = 0, center = 1, right = 2
    }

    public init() {}

    /// ESC @: reset to the printer's defaults; FS &: double-byte (Chinese) character mode.
    public mutating func initialize() {
        bytes += [0x1B, 0x40, 0x1C, 0x26]
    }

    /// ESC a n.
    public mutating func align(_ alignment: Alignment) {
        bytes += [0x1B, 0x61, alignment.rawValue]
    }

    /// GS ! n: width and height multipliers 1…8 (the ticket number prints at 2×2 or larger).
    public mutating func size(width: UInt8, height: UInt8) {
        let w = min(max(width, 1), 8) - 1
        let h = min(max(height, 1), 8) - 1
        bytes += [0x1D, 0x21, (w << 4) | h]
    }

    /// ESC E n.
    public mutating func bold(_ on: Bool) {
        bytes += [0x1B, 0x45, on ? 1 : 0]
    }

    /// A line of text in GB18030, then LF.
    public mutating func line(_ text: String) throws(GB18030.Failure) {
        bytes += try GB18030.encode(text)
        bytes.append(0x0A)
    }

    /// ESC d n: feed n lines.
    public mutating func feed(lines: UInt8) {
        bytes += [0x1B, 0x64, lines]
    }

    /// A QR code of `text` with `GS ( k`: model 2, module size, error correction M, store, print.
    public mutating func qrCode(_ text: String, moduleSize: UInt8 = 6) {
        let data = Array(text.utf8)
        let stored = data.count + 3
        bytes += [0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]  // fn 165: model 2
        bytes += [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, moduleSize]  // fn 167: module size
        bytes += [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31]  // fn 169: error correction M
        bytes += [0x1D, 0x28, 0x6B, UInt8(stored & 0xFF), UInt8(stored >> 8), 0x31, 0x50, 0x30] + data  // fn 180
        bytes += [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30]  // fn 181: print
    }

    /// GS V 66 n: feed n and cut (partial cut), so the receipt can be torn off.
    public mutating func cut(feed: UInt8 = 3) {
        bytes += [0x1D, 0x56, 0x42, feed]
    }
}
