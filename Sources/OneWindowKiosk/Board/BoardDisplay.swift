import Foundation

/// The hall display in text: the current call in large characters, the last calls, and the
/// waiting count per queue, live from `GET /api/v1/events`.
public struct BoardDisplay: TerminalProgram {
    public struct Call: Sendable, Equatable {
        public var number: String
        public var window: String
        public var windowName: String?
        public var recalled: Bool

        public init(number: String, window: String, windowName: String? = nil, recalled: Bool = false) {
            self.number = number
            self.window = window
            self.windowName = windowName
            self.recalled = recalled
        }
    }

    /// The `state` event: what a board shows before any call arrives.
    public struct HallState: Sendable, Equatable, Decodable {
        public var hall: String
        public var queue: QueueSnapshot
        public var windows: [WindowInfo]

        public init(hall: String, queue: QueueSnapshot, windows: [WindowInfo]) {
            self.hall = hall
            self.queue = queue
            self.windows = windows
        }
    }

    public internal(set) var language: Language
    public internal(set) var hallName: String?
    public internal(set) var windows: [WindowInfo] = []
    public internal(set) var queue: QueueSnapshot?
    public internal(set) var current: Call?
    /// A new call stands out (reverse video) until then.
    public internal(set) var highlightUntil: Date?
    public internal(set) var live = false
    var refreshes = RefreshGate()

    public init(language: Language = .zh) {
        self.language = language
    }

    public mutating func start(now: Date) -> [BoardEffect] { [.subscribe] }
    public mutating func handle(_ input: InputEvent, now: Date) -> [BoardEffect] {
        if input == .text("0") { language = language.other }
        return []
    }
    public mutating func tick(now: Date) -> [BoardEffect] { [] }

    public mutating func receive(_ message: BoardMessage, now: Date) -> [BoardEffect] {
        switch message {
        case .connected:
            live = true
        case .lost:
            live = false
            refreshes.reset()
        case .state(let state):
            hallName = state.hall
            windows = state.windows
            queue = state.queue
            if current == nil, let last = state.queue.lastCalls.first {
                current = Call(number: last.number, window: last.window, windowName: windowName(last.window))
            }
        case .call(let call):
            current = call
            highlightUntil = now.addingTimeInterval(8)
            return refresh()
        case .changed:
            return refresh()
        case .queue(let snapshot):
            queue = snapshot
            if refreshes.finished() { return [.refreshQueue] }
        }
        return []
    }

    mutating func refresh() -> [BoardEffect] {
        refreshes.request() ? [.refreshQueue] : []
    }

    func windowName(_ id: String) -> String? {
        windows.first { $0.id == id }?.name
    }
}

public enum BoardEffect: Sendable, Equatable {
    case subscribe
    case refreshQueue
}

public enum BoardMessage: Sendable, Equatable {
    case connected
    case lost
    case state(BoardDisplay.HallState)
    case call(BoardDisplay.Call)
    /// Any other committed change: the waiting counts may have moved.
    case changed
    case queue(QueueSnapshot)

    /// The message for one event of the stream; nil for what a board ignores.
    public static func from(_ event: ServerSentEvent) -> BoardMessage? {
        let data = Data(event.data.utf8)
        switch event.event {
        case "state":
            return (try? JSONDecoder().decode(BoardDisplay.HallState.self, from: data)).map(BoardMessage.state)
        case "called", "recalled":
            struct Called: Decodable {
                var number: String?
                var window: String?
                var windowName: String?
            }
            guard let called = try? JSONDecoder().decode(Called.self, from: data), let number = called.number,
                let window = called.window
            else { return .changed }
            return .call(
                .init(
                    number: number, window: window, windowName: called.windowName, recalled: event.event == "recalled"))
        default:
            return .changed
        }
    }
}
