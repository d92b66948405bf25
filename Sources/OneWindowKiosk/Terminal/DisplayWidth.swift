/// How many terminal columns text takes: CJK ideographs and fullwidth forms take two,
/// combining marks none.
///
/// A table of our own rather than the C library's `wcwidth`, which answers by the process's
/// locale (−1 for every CJK character under the C locale a systemd unit starts with) and
/// differs between libc versions. The ranges follow Unicode's East Asian Width property
/// (Wide and Fullwidth); Ambiguous characters such as box drawing count as one column, as
/// foot and xterm draw them.
public enum DisplayWidth {
    /// Wide (W) and Fullwidth (F) ranges of the planes a hall's text uses.
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initials
        0x231A...0x231B, 0x2329...0x232A,
        0x2E80...0x303E,  // CJK radicals, punctuation: 、。【】「」
        0x3041...0x33FF,  // kana, bopomofo, CJK compatibility
        0x3400...0x4DBF,  // CJK extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA000...0xA4CF,  // Yi
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19, 0xFE30...0xFE6F,  // vertical and small forms
        0xFF00...0xFF60, 0xFFE0...0xFFE6,  // fullwidth forms: （），：
        0x1F300...0x1F64F, 0x1F900...0x1F9FF,  // emoji pictographs
        0x20000...0x2FFFD, 0x30000...0x3FFFD,  // CJK extensions B and beyond
    ]

    /// Combining and invisible ranges.
    static let zero: [ClosedRange<UInt32>] = [
        0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A,
        0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x200B...0x200F, 0x2028...0x202E,
        0x2060...0x2064, 0x20D0...0x20FF, 0x302A...0x302D, 0x3099...0x309A,
        0xFE00...0xFE0F, 0xFE20...0xFE2F, 0xFEFF...0xFEFF, 0xE0100...0xE01EF,
    ]

    /// Columns of one Unicode scalar: 0, 1 or 2. Control characters take none.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        if contains(zero, value) { return 0 }
        return contains(wide, value) ? 2 : 1
    }

    /// Columns of one character (grapheme cluster): its first visible scalar decides.
    public static func of(_ character: Character) -> Int {
        for scalar in character.unicodeScalars {
            let width = of(scalar)
            if width > 0 { return width }
        }
        return 0
    }

    /// Columns of a whole string.
    public static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// The longest prefix of `text` that fits in `columns`, with `…` when cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard of(text) > columns else { return text }
        guard columns > 0 else { return "" }
        var result = ""
        var used = 0
        for character in text {
            let width = of(character)
            if used + width > columns - 1 { break }
            result.append(character)
            used += width
        }
        return result + "…"
    }

    /// `text` padded with spaces to exactly `columns` (cut first if longer).
    public static func pad(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        return cut + String(repeating: " ", count: max(0, columns - of(cut)))
    }

    /// `text` broken into lines of at most `columns`: at spaces for Latin text, anywhere
    /// between CJK characters (Chinese has no spaces between words).
    public static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 1 else { return [text] }
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in segments(text) {
            let width = of(word)
            if used + width > columns, !line.isEmpty {
                lines.append(line.trimmingTrailingSpaces())
                line = ""
                used = 0
                if word == " " { continue }
            }
            if width > columns {
                for character in word {
                    if used + of(character) > columns {
                        lines.append(line)
                        line = ""
                        used = 0
                    }
                    line.append(character)
                    used += of(character)
                }
            } else {
                line += word
                used += width
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line.trimmingTrailingSpaces()) }
        return lines
    }

    /// Runs of Latin letters and digits stay together; every other character stands alone,
    /// except that closing punctuation keeps to the character before it and opening punctuation
    /// to the one after, so no line starts with "）" or "、" or ends with "（" (避头尾).
    private static func segments(_ text: String) -> [String] {
        var result: [String] = []
        var word = ""
        var opening = ""
        for character in text {
            if closing.contains(character), word.isEmpty, let last = result.popLast() {
                result.append(last + String(character))
            } else if of(character) == 1, character != " " {
                word.append(character)
            } else {
                if !word.isEmpty { result.append(opening + word) }
                if !word.isEmpty { opening = "" }
                word = ""
                if openingMarks.contains(character) {
                    opening += String(character)
                    continue
                }
                result.append(opening + String(character))
                opening = ""
            }
        }
        if !word.isEmpty || !opening.isEmpty { result.append(opening + word) }
        return result
    }

    private static let closing: Set<Character> = ["）", "、", "，", "。", "：", "；", "！", "？", "」", "』", "】", "》", ")"]
    private static let openingMarks: Set<Character> = ["（", "「", "『", "【", "《"]

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < ranges[middle].lowerBound {
                high = middle - 1
            } else if value > ranges[middle].upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
