/// Why a queue command was refused. Each case maps to one HTTP status and code in the API.
public enum QueueError: Error, Sendable, Equatable {
    case serviceNotFound(String)
    /// No open (unpaused) window takes the service: the kiosk shows the message.
    case serviceNotServed(String)
    case ticketNotFound(String)
    case windowNotFound(String)
    /// The ticket is in a state the command does not apply to; names that state.
    case ticketState(ticket: String, status: Ticket.Status, expected: String)
    /// call-next while the window's current ticket is still open.
    case windowBusy(window: String, ticket: String)
    /// recall with no current ticket.
    case noCurrentTicket(window: String)
    /// Acting on a ticket called to another window.
    case notThisWindow(ticket: String, calledTo: String)
    case windowPaused(String)
    /// no-show before the ticket was called the configured number of times.
    case tooFewCalls(ticket: String, calls: Int, needed: Int)

    /// Words for the applicant or the clerk.
    public var message: String {
        switch self {
        case .serviceNotFound(let id): "no service item with id “\(id)”"
        case .serviceNotServed(let name): "“\(name)”今日暂无开放窗口办理，请到咨询台咨询 (no open window serves this service today)"
        case .ticketNotFound(let id): "no ticket with id “\(id)”"
        case .windowNotFound(let id): "no window with id “\(id)”"
        case .ticketState(let ticket, let status, let expected):
            "ticket \(ticket) is \(status.rawValue); this needs a ticket that is \(expected)"
        case .windowBusy(let window, let ticket): "window \(window) still has ticket \(ticket) open; end it first"
        case .noCurrentTicket(let window): "window \(window) has no current ticket"
        case .notThisWindow(let ticket, let calledTo): "ticket \(ticket) was called to window \(calledTo)"
        case .windowPaused(let window): "window \(window) is paused; resume it first"
        case .tooFewCalls(let ticket, let calls, let needed):
            "ticket \(ticket) was called \(calls) time(s); a no-show needs \(needed)"
        }
    }
}
