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
    case caseNotFound(String)
    /// The case brought back is for another service.
    case caseServiceMismatch(case: String, service: String)
    case caseClosed(String)
    case caseCancelled(String)
    /// The case already has a ticket waiting or called.
    case caseVisitOpen(case: String, ticket: String)
    /// A transfer of a return visit: the case is for its service.
    case caseHasVisits(case: String, service: String)
    /// `rejected` and rectifications need a note saying why or what.
    case noteRequired
    /// Cancelling a case needs a reason.
    case reasonRequired
    /// `needs_more` needs at least one missing material.
    case missingMaterialsRequired
    case unknownMaterial(id: String, service: String)
    case ratingOutOfRange(Int)
    case visitNotEnded(ticket: String, status: Ticket.Status)
    case alreadyEvaluated(String)
    case evaluationNotFound(String)
    case notABadReview(String)
    case alreadyRectified(String)
    /// A visit-back is recorded only after the rectification, and only once.
    case notRectifiedYet(String)
    case alreadyVisitedBack(String)

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
        case .caseNotFound(let id): "no case numbered “\(id)”"
        case .caseServiceMismatch(let id, let service): "case \(id) is for service \(service)"
        case .caseClosed(let id): "case \(id) is closed; a new matter needs a new ticket without a case number"
        case .caseCancelled(let id): "case \(id) was cancelled"
        case .caseVisitOpen(let id, let ticket): "case \(id) already has ticket \(ticket) waiting or called"
        case .caseHasVisits(let id, let service):
            "this ticket is a return visit of case \(id) for service \(service); take a new ticket for another service"
        case .noteRequired: "a note is required: say why, or what was done"
        case .reasonRequired: "a reason is required to cancel a case"
        case .missingMaterialsRequired: "needs_more must name at least one missing material (missingMaterials)"
        case .unknownMaterial(let id, let service): "service \(service) has no material “\(id)”"
        case .ratingOutOfRange(let rating): "a rating is 1 to 5, found \(rating)"
        case .visitNotEnded(let ticket, let status):
            "ticket \(ticket) is \(status.rawValue); only a visit that ended at a window can be rated"
        case .alreadyEvaluated(let ticket): "ticket \(ticket) was rated already"
        case .evaluationNotFound(let id): "no evaluation “\(id)”"
        case .notABadReview(let id): "evaluation \(id) is not a bad review; only those are rectified"
        case .alreadyRectified(let id): "evaluation \(id) was rectified already"
        case .notRectifiedYet(let id): "evaluation \(id) is not rectified yet; record what was done first"
        case .alreadyVisitedBack(let id): "the applicant of evaluation \(id) was visited back already"
        }
    }
}
