/// Every escape sequence the client sends, in one place (ECMA-48 and xterm's extensions).
public enum TerminalCodes {
    static let escape = "\u{1B}["
    /// Alternate screen: the shell's screen comes back untouched on exit.
    public static let enterAlternateScreen = escape + "?1049h"
    public static let leaveAlternateScreen = escape + "?1049l"
    public static let hideCursor = escape + "?25l"
    public static let showCursor = escape + "?25h"
    /// Button press reporting in SGR form (1006), which has no 223-column limit.
    public static let enableMouse = escape + "?1000h" + escape + "?1006h"
    public static let disableMouse = escape + "?1006l" + escape + "?1000l"
    /// Keypad sends digits, not application sequences (the decoder reads both anyway).
    public static let numericKeypad = "\u{1B}>"
    public static let clearScreen = escape + "2J"
    public static let resetStyle = escape + "0m"
    /// Auto-wrap off, so that writing the last column of the last row does not scroll.
    public static let disableAutoWrap = escape + "?7l"
    public static let enableAutoWrap = escape + "?7h"

    /// Moves the cursor to a 0-based position.
    public static func moveTo(row: Int, column: Int) -> String {
        escape + "\(row + 1);\(column + 1)H"
    }

    /// Select Graphic Rendition for a style, always starting from a reset.
    public static func style(_ style: TextStyle) -> String {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.reverse { codes.append("7") }
        if let color = style.color { codes.append("\(30 + color.rawValue)") }
        return escape + codes.joined(separator: ";") + "m"
    }

    /// What starts a full-screen session.
    public static let start =
        enterAlternateScreen + numericKeypad + hideCursor + disableAutoWrap + enableMouse + clearScreen

    /// What undoes `start`, in reverse order.
    public static let restore = disableMouse + enableAutoWrap + resetStyle + showCursor + leaveAlternateScreen
}

/// Paints a `ScreenBuffer`: each row from its first column, styles switched only where they change.
public enum FramePainter {
    public static func bytes(of buffer: ScreenBuffer) -> [UInt8] {
        var output = ""
        var current: TextStyle?
        for row in 0..<buffer.height {
            output += TerminalCodes.moveTo(row: row, column: 0)
            for column in 0..<buffer.width {
                let cell = buffer[row, column]
                guard let character = cell.character else { continue }
                if cell.style != current {
                    output += TerminalCodes.style(cell.style)
                    current = cell.style
                }
                output.append(character)
            }
        }
        output += TerminalCodes.resetStyle
        return Array(output.utf8)
    }
}
