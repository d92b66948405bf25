/// Large characters drawn with blocks, for ticket numbers on the kiosk and the board:
/// 5 rows high, 5 columns wide, a blank column between characters. Only what numbers use:
/// A–Z, 0–9 and the hyphen. The zero has a slash, so that it never reads as the letter O.
public enum BigText {
    public static let height = 5

    static let glyphs: [Character: [String]] = [
        "0": [" ### ", "#  ##", "# # #", "##  #", " ### "],
        "1": ["  #  ", " ##  ", "  #  ", "  #  ", " ### "],
        "2": ["#### ", "    #", " ### ", "#    ", "#####"],
        "3": ["#### ", "    #", " ### ", "    #", "#### "],
        "4": ["#   #", "#   #", "#####", "    #", "    #"],
        "5": ["#####", "#    ", "#### ", "    #", "#### "],
        "6": [" ### ", "#    ", "#### ", "#   #", " ### "],
        "7": ["#####", "    #", "   # ", "  #  ", "  #  "],
        "8": [" ### ", "#   #", " ### ", "#   #", " ### "],
        "9": [" ### ", "#   #", " ####", "    #", " ### "],
        "A": [" ### ", "#   #", "#####", "#   #", "#   #"],
        "B": ["#### ", "#   #", "#### ", "#   #", "#### "],
        "C": [" ####", "#    ", "#    ", "#    ", " ####"],
        "D": ["#### ", "#   #", "#   #", "#   #", "#### "],
        "E": ["#####", "#    ", "#### ", "#    ", "#####"],
        "F": ["#####", "#    ", "#### ", "#    ", "#    "],
        "G": [" ####", "#    ", "#  ##", "#   #", " ####"],
        "H": ["#   #", "#   #", "#####", "#   #", "#   #"],
        "I": ["#####", "  #  ", "  #  ", "  #  ", "#####"],
        "J": ["#####", "   # ", "   # ", "#  # ", " ##  "],
        "K": ["#   #", "#  # ", "###  ", "#  # ", "#   #"],
        "L": ["#    ", "#    ", "#    ", "#    ", "#####"],
        "M": ["#   #", "## ##", "# # #", "#   #", "#   #"],
        "N": ["#   #", "##  #", "# # #", "#  ##", "#   #"],
        "O": [" ### ", "#   #", "#   #", "#   #", " ### "],
        "P": ["#### ", "#   #", "#### ", "#    ", "#    "],
        "Q": [" ### ", "#   #", "# # #", "#  # ", " ## #"],
        "R": ["#### ", "#   #", "#### ", "#  # ", "#   #"],
        "S": [" ####", "#    ", " ### ", "    #", "#### "],
        "T": ["#####", "  #  ", "  #  ", "  #  ", "  #  "],
        "U": ["#   #", "#   #", "#   #", "#   #", " ### "],
        "V": ["#   #", "#   #", "#   #", " # # ", "  #  "],
        "W": ["#   #", "#   #", "# # #", "## ##", "#   #"],
        "X": ["#   #", " # # ", "  #  ", " # # ", "#   #"],
        "Y": ["#   #", " # # ", "  #  ", "  #  ", "  #  "],
        "Z": ["#####", "   # ", "  #  ", " #   ", "#####"],
        "-": ["     ", "     ", "#####", "     ", "     "],
        " ": ["     ", "     ", "     ", "     ", "     "],
    ]

    /// The rows of `text` in large characters, each `scale` times as wide and as high.
    /// Characters without a glyph are left out.
    public static func rows(_ text: String, scale: Int = 1) -> [String] {
        let known = text.uppercased().compactMap { glyphs[$0] }
        var rows: [String] = []
        for row in 0..<height {
            let line = known.map { glyph in
                glyph[row].map { String(repeating: $0 == "#" ? "█" : " ", count: scale) }.joined()
            }.joined(separator: String(repeating: " ", count: scale))
            rows += Array(repeating: line, count: scale)
        }
        return rows
    }

    /// Columns `rows(text, scale:)` takes.
    public static func width(_ text: String, scale: Int = 1) -> Int {
        let count = text.uppercased().filter { glyphs[$0] != nil }.count
        return count == 0 ? 0 : (count * 6 - 1) * scale
    }

    /// The largest scale (1 or 2) at which `text` fits in `columns` and `rows`.
    public static func scale(for text: String, columns: Int, rows: Int) -> Int {
        width(text, scale: 2) <= columns && height * 2 <= rows ? 2 : 1
    }
}

extension ScreenBuffer {
    /// Draws `text` in large characters centred on the screen's width from `row`; returns the rows used.
    @discardableResult
    public mutating func bigText(_ text: String, row: Int, scale: Int = 1, style: TextStyle = .bold) -> Int {
        let lines = BigText.rows(text, scale: scale)
        for (offset, line) in lines.enumerated() { center(line, row: row + offset, style: style) }
        return lines.count
    }
}
