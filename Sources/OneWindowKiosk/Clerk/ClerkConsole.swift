import Foundation

/// The clerk's console at one window: the current ticket with its case history and the
/// service's materials, single-key commands, and the waiting count live from the event stream.
public struct ClerkConsole: TerminalProgram {
    public enum Mode: Sendable, Equatable {
        case main
        /// Choosing how the visit ended.
        case outcome
        /// needs_more: ticking the missing materials (1-based numbers of the guide's list).
        case missing(Set<Int>)
        /// rejected: typing the reason.
        case note(String)
        case transfer
    }

    public let window: String
    public internal(set) var language: Language
    public internal(set) var hall: HallInfo?
    public internal(set) var services: [ServiceSummary] = []
    public internal(set) var current: TicketInfo?
    public internal(set) var guide: ServiceGuide?
    public internal(set) var queue: QueueSnapshot?
    /// When the current ticket may be marked a no-show by the time since its first call (the
    /// daemon's countdown, from this terminal's clock when the answer came).
    public internal(set) var noShowAllowedAt: Date?
    public internal(set) var paused = false
    public internal(set) var mode = Mode.main
    public internal(set) var notice: ScreenChrome.Notice?
    /// Whether the event stream is open: when not, the waiting count may be stale and says so.
    public internal(set) var live = false
    /// A command is on its way; keys wait for its answer, so that one key press is one command.
    public internal(set) var busy = false
    var choice = ChoiceInput()
    var page = 0
    var refreshes = RefreshGate()

    public init(window: String, language: Language = .zh) {
        self.window = window
        self.language = language
    }

    /// This window's entry in the hall.
    public var windowInfo: WindowInfo? { hall?.windows.first { $0.id == window } }

    /// The queue letters this window takes, for its waiting count.
    public var prefixes: [String] {
        guard let info = windowInfo else { return [] }
        return Array(Set(services.filter { info.serves($0.id) }.map(\.queuePrefix))).sorted()
    }

    /// What this window can call, as the daemon counts it. A daemon before that count gives
    /// its letters' counts, which may include tickets only another window takes.
    public var waiting: Int {
        if let mine = callable { return mine }
        return (queue?.queues ?? []).filter { prefixes.contains($0.prefix) }.reduce(0) { $0 + $1.waiting }
    }

    /// This window's callable count from the daemon; nil from a daemon before it.
    public var callable: Int? {
        queue?.windows.map { windows in windows.first { $0.id == window }?.callable ?? 0 }
    }

    /// Whole seconds before a no-show is allowed at `now`; nil when it is (or no ticket is called).
    public func secondsBeforeNoShow(at now: Date) -> Int? {
        guard current != nil, let at = noShowAllowedAt, at > now else { return nil }
        return Int(at.timeIntervalSince(now).rounded(.up))
    }

    public mutating func start(now: Date) -> [ClerkEffect] {
        [.load, .subscribe]
    }

    public mutating func tick(now: Date) -> [ClerkEffect] { [] }
}

public enum ClerkEffect: Sendable, Equatable {
    /// The hall, the catalogue, the windows and the queue, retried until the daemon answers.
    case load
    case subscribe
    case refreshQueue
    case command(ClerkCommand)
    /// The ticket with its case (a clerk token sees it).
    case loadTicket(id: String)
    case loadGuide(serviceId: String)
}

public enum ClerkMessage: Sendable, Equatable {
    case loaded(HallInfo, [ServiceSummary], [WindowInfo], QueueSnapshot)
    case loadRetry(attempt: Int, DaemonError)
    /// The daemon refused for good (a revoked or wrong token).
    case loadFailed(DaemonError)
    case queue(QueueSnapshot)
    case streamConnected
    case streamEvent(kind: String)
    case streamLost
    case commandDone(ClerkCommand, Result<TicketInfo?, DaemonError>)
    case ticket(Result<TicketInfo, DaemonError>)
    case guide(Result<ServiceGuide, DaemonError>)
}
