/// A QR code (ISO/IEC 18004) of some bytes, for the booking code a kiosk's scanner reads: byte
/// mode, error correction level M (15 % of the code may be lost), versions 1–10 (up to 213
/// bytes), the mask chosen by the standard's penalty rules. Pure: `modules` is the matrix, and
/// a page draws it (`QRCode+SVG`).
///
/// Written here because the package mirror has no QR library; checked by decoding its SVG with
/// zbarimg (`QRCodeTests`, `scripts/qr-check.sh`).
public struct QRCode: Sendable, Equatable {
    /// 1–10: the size is `17 + 4 × version` modules.
    public let version: Int
    public let size: Int
    /// `modules[y][x]`: true for a dark module.
    public private(set) var modules: [[Bool]]
    public private(set) var mask: Int
    private var isFunction: [[Bool]]

    /// The code of `bytes` in the smallest version that holds them; nil when they are too many.
    public init?(bytes: [UInt8]) {
        guard
            let version = (1...10).first(where: { bytes.count <= QRCode.dataCodewords(version: $0) - ($0 < 10 ? 2 : 3) }
            )
        else { return nil }
        self.version = version
        size = version * 4 + 17
        modules = Array(repeating: Array(repeating: false, count: size), count: size)
        isFunction = modules
        mask = 0
        drawFunctionPatterns()
        drawCodewords(QRCode.interleaved(QRCode.dataCodewords(bytes, version: version), version: version))
        var best = (mask: 0, penalty: Int.max)
        for candidate in 0..<8 {
            applyMask(candidate)
            drawFormatBits(candidate)
            let penalty = penaltyScore()
            if penalty < best.penalty { best = (candidate, penalty) }
            applyMask(candidate)
        }
        mask = best.mask
        applyMask(mask)
        drawFormatBits(mask)
        isFunction = []
    }

    /// The code of a text, as UTF-8.
    public init?(text: String) {
        self.init(bytes: Array(text.utf8))
    }

    // MARK: Function patterns

    private mutating func setFunction(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y][x] = dark
        isFunction[y][x] = true
    }

    private mutating func drawFunctionPatterns() {
        for i in 0..<size {
            setFunction(6, i, i % 2 == 0)
            setFunction(i, 6, i % 2 == 0)
        }
        drawFinder(3, 3)
        drawFinder(size - 4, 3)
        drawFinder(3, size - 4)
        let positions = alignmentPositions
        let last = positions.count - 1
        for i in positions.indices {
            for j in positions.indices where !(i == 0 && j == 0 || i == 0 && j == last || i == last && j == 0) {
                drawAlignment(positions[i], positions[j])
            }
        }
        drawFormatBits(0)
        drawVersion()
    }

    private mutating func drawFinder(_ x: Int, _ y: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let distance = max(abs(dx), abs(dy))
                let xx = x + dx
                let yy = y + dy
                if (0..<size).contains(xx) && (0..<size).contains(yy) {
                    setFunction(xx, yy, distance != 2 && distance != 4)
                }
            }
        }
    }

    private mutating func drawAlignment(_ x: Int, _ y: Int) {
        for dy in -2...2 {
            for dx in -2...2 { setFunction(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) }
        }
    }

    /// The centres of the alignment patterns along each axis.
    private var alignmentPositions: [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let step = (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var result = [6]
        var position = size - 7
        while result.count < count {
            result.insert(position, at: 1)
            position -= step
        }
        return result
    }

    /// Level M (format bits 00) and the mask, BCH-coded, in both copies, with the dark module.
    private mutating func drawFormatBits(_ mask: Int) {
        let data = 0 << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 != 0 }
        for i in 0...5 { setFunction(8, i, bit(i)) }
        setFunction(8, 7, bit(6))
        setFunction(8, 8, bit(7))
        setFunction(7, 8, bit(8))
        for i in 9..<15 { setFunction(14 - i, 8, bit(i)) }
        for i in 0..<8 { setFunction(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { setFunction(8, size - 15 + i, bit(i)) }
        setFunction(8, size - 8, true)
    }

    private mutating func drawVersion() {
        guard version >= 7 else { return }
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        let bits = version << 12 | remainder
        for i in 0..<18 {
            let dark = (bits >> i) & 1 != 0
            let a = size - 11 + i % 3
            let b = i / 3
            setFunction(a, b, dark)
            setFunction(b, a, dark)
        }
    }

    // MARK: Data

    /// The data bits in zigzag order, two columns at a time from the right, skipping column 6.
    private mutating func drawCodewords(_ data: [UInt8]) {
        var index = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for j in 0..<2 {
                    let x = right - j
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    if !isFunction[y][x] && index < data.count * 8 {
                        modules[y][x] = (data[index >> 3] >> (7 - UInt8(index & 7))) & 1 != 0
                        index += 1
                    }
                }
            }
            right -= 2
        }
    }

    private mutating func applyMask(_ mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y][x] {
                let invert: Bool
                switch mask {
                case 0: invert = (x + y) % 2 == 0
                case 1: invert = y % 2 == 0
                case 2: invert = x % 3 == 0
                case 3: invert = (x + y) % 3 == 0
                case 4: invert = (x / 3 + y / 2) % 2 == 0
                case 5: invert = x * y % 2 + x * y % 3 == 0
                case 6: invert = (x * y % 2 + x * y % 3) % 2 == 0
                default: invert = ((x + y) % 2 + x * y % 3) % 2 == 0
                }
                if invert { modules[y][x].toggle() }
            }
        }
    }
}
