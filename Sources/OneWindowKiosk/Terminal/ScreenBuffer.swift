/// How a cell is drawn.
public struct TextStyle: Sendable, Equatable, Hashable {
    public enum Color: Int, Sendable {
        case red = 1, green, yellow, blue, magenta, cyan, white
    }

    public var bold = false
    public var dim = false
    public var reverse = false
    public var color: Color?

    public init(bold: Bool = false, dim: Bool = false, reverse: Bool = false, color: Color? = nil) {
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.color = color
    }

    public static let plain = TextStyle()
    public static let bold = TextStyle(bold: true)
    public static let dim = TextStyle(dim: true)
    public static let reverse = TextStyle(reverse: true)
}

/// One column of the screen. A wide character fills its cell and marks the next one as
/// its continuation (`character == nil`), so a row always has exactly `width` cells.
public struct Cell: Sendable, Equatable {
    public var character: Character?
    public var style: TextStyle

    public static let blank = Cell(character: " ", style: .plain)
}

/// A screen drawn in memory: renderers write into it, the terminal paints it, tests read it.
public struct ScreenBuffer: Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where a tap selects something: the rows and columns of each choice drawn, and the key
    /// that choosing it stands for. Kiosks are touch screens; the keypad stays the model's only input.
    public private(set) var tapTargets: [TapTarget] = []

    public struct TapTarget: Sendable, Equatable {
        public var row: Int
        public var columns: Range<Int>
        public var input: InputEvent
    }

    public init(width: Int, height: Int) {
        self.width = max(1, width)
        self.height = max(1, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * width + column]
    }

    /// Writes `text` from (`row`, `column`), clipped to the screen and to `maxWidth` columns;
    /// returns the columns used. A wide character that would straddle the edge is left out.
    @discardableResult
    public mutating func write(
        _ text: String, row: Int, column: Int, style: TextStyle = .plain, maxWidth: Int? = nil
    ) -> Int {
        guard row >= 0, row < height, column < width else { return 0 }
        let limit = min(width, column + (maxWidth ?? width))
        var x = column
        for character in text {
            let columns = DisplayWidth.of(character)
            if columns == 0 { continue }
            if x + columns > limit { break }
            if x >= 0 {
                put(Cell(character: character, style: style), row: row, column: x)
                if columns == 2 { put(Cell(character: nil, style: style), row: row, column: x + 1) }
            }
            x += columns
        }
        return max(0, x - column)
    }

    /// Writes `text` centred on `row`.
    public mutating func center(_ text: String, row: Int, style: TextStyle = .plain) {
        let columns = min(DisplayWidth.of(text), width)
        write(text, row: row, column: (width - columns) / 2, style: style)
    }

    /// Paints a whole row (or `columns` of it) with `style`, e.g. a title bar.
    public mutating func fill(row: Int, columns: Range<Int>? = nil, style: TextStyle) {
        guard row >= 0, row < height else { return }
        for x in (columns ?? 0..<width).clamped(to: 0..<width) {
            put(Cell(character: " ", style: style), row: row, column: x)
        }
    }

    /// A box of light lines around the given rows and columns (inclusive edges).
    public mutating func box(top: Int, left: Int, bottom: Int, right: Int, style: TextStyle = .plain) {
        guard bottom > top, right > left else { return }
        for x in (left + 1)..<right {
            write("─", row: top, column: x, style: style)
            write("─", row: bottom, column: x, style: style)
        }
        for y in (top + 1)..<bottom {
            write("│", row: y, column: left, style: style)
            write("│", row: y, column: right, style: style)
        }
        write("┌", row: top, column: left, style: style)
        write("┐", row: top, column: right, style: style)
        write("└", row: bottom, column: left, style: style)
        write("┘", row: bottom, column: right, style: style)
    }

    /// Marks where a tap means `input`.
    public mutating func tapTarget(row: Int, columns: Range<Int>, input: InputEvent) {
        tapTargets.append(TapTarget(row: row, columns: columns, input: input))
    }

    /// The key a tap at (`row`, `column`) stands for, if it hit a choice.
    public func input(forTapAt row: Int, column: Int) -> InputEvent? {
        tapTargets.last { $0.row == row && $0.columns.contains(column) }?.input
    }

    /// One row as text, trailing blanks removed (wide characters once, not twice).
    public func line(_ row: Int) -> String {
        var text = ""
        for x in 0..<width { if let character = self[row, x].character { text.append(character) } }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The whole screen as text, one line per row.
    public var text: String { (0..<height).map(line).joined(separator: "\n") }

    /// Sets one cell, blanking the other half of any wide character it cuts in two.
    private mutating func put(_ cell: Cell, row: Int, column: Int) {
        let index = row * width + column
        if cells[index].character == nil, column > 0, cell.character != nil {
            cells[index - 1] = Cell(character: " ", style: cells[index - 1].style)
        }
        if let old = cells[index].character, DisplayWidth.of(old) == 2, column + 1 < width,
            cell.character.map({ DisplayWidth.of($0) }) != 2
        {
            cells[index + 1] = Cell(character: " ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }
}
