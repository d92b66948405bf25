import Foundation

/// A full-screen mode (applicant kiosk, clerk console, board) as a model: it takes keys,
/// messages from its effects and clock ticks, asks for effects, and draws itself.
///
/// No I/O happens in a program: that is what lets the tests drive every screen with plain
/// values and read the result from a `ScreenBuffer`.
public protocol TerminalProgram {
    associatedtype Message: Sendable
    associatedtype Effect: Sendable

    /// What to do as the program starts (load the catalogue, open the event stream …).
    mutating func start(now: Date) -> [Effect]
    mutating func handle(_ input: InputEvent, now: Date) -> [Effect]
    mutating func receive(_ message: Message, now: Date) -> [Effect]
    /// Called about once a second: idle timeouts and clocks.
    mutating func tick(now: Date) -> [Effect]
    func render(into buffer: inout ScreenBuffer, now: Date)
    /// The terminal's size, before each frame: a key then acts on the screen as it was drawn
    /// (e.g. the checklist's pages at this size).
    mutating func resize(width: Int, height: Int)
}

/// Carries out a program's effects (HTTP calls, printing) off the loop's thread and sends
/// what came of them back as messages.
public protocol EffectRunner<Effect, Message>: Sendable {
    associatedtype Effect: Sendable
    associatedtype Message: Sendable
    func run(_ effect: Effect, send: @escaping @Sendable (Message) -> Void)
}

extension TerminalProgram {
    public mutating func resize(width: Int, height: Int) {}

    /// Renders at a size into a new buffer: what the loop paints and the tests read.
    public func frame(width: Int, height: Int, now: Date) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        render(into: &buffer, now: now)
        return buffer
    }
}
