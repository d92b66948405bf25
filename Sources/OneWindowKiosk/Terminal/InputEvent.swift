/// What the person at the terminal did, decoded from the bytes the terminal sent.
public enum InputEvent: Sendable, Equatable, Hashable {
    /// A printable character: a digit from the keypad, a letter, a Chinese character from an input method.
    case text(Character)
    case enter
    case backspace
    case escape
    case up, down, left, right
    case pageUp, pageDown
    case tab
    /// The Home key, or a tap on 首页: back to the start screen.
    case home
    /// Ctrl-C (raw mode delivers it as a byte, not a signal).
    case interrupt
    /// A mouse click or a touch at a 0-based screen position.
    case tap(row: Int, column: Int)
    /// Choice number n (1-based) of the list on screen: what a tap on a numbered choice becomes,
    /// so that choice 12 needs no two keystrokes.
    case select(Int)
}
