import Foundation

/// Every change to the hall's queue and its cases, as a value: a route decodes a request into
/// one, the queue service runs it through the group commit, and `HallQueue.apply` (one switch)
/// makes the change. What a command needs from the database it names (`storedCaseId`,
/// `storedEvaluationId`); who sends it and when travel beside it.
public enum QueueCommand: Sendable {
    /// 取号: a new ticket, for a service or as the next visit of an open case.
    case issue(TicketOrder)
    /// A replayed issue answer: the ticket gets a new evaluation code, since the first answer's
    /// never reached the kiosk.
    case renewEvaluationCode(ticket: String, code: EvaluationCodeSeal)
    /// 叫号: the next waiting ticket the window takes.
    case callNext(window: String)
    /// The window's current ticket, called again.
    case recall(window: String)
    /// A called ticket whose applicant did not come.
    case noShow(ticket: String, window: String)
    /// A called ticket, back in the queue for another service.
    case transfer(ticket: String, window: String, to: String)
    /// The visit at the window ends with an outcome (which may close the case).
    case complete(ticket: String, window: String, outcome: VisitOutcome, missingMaterials: [String], note: String?)
    /// The window stops calling (`true`) or calls again (`false`).
    case pause(window: String, paused: Bool)
    /// The hall day ends now: open tickets expire.
    case closeDay
    /// The hall day moves on when the clock has reached the next one (every command does
    /// this first; the commit thread sends it alone at midnight).
    case rollOver
    /// An open case is withdrawn, with the reason.
    case cancelCase(String, reason: String)
    /// 好差评: a visit that ended today is rated.
    case evaluate(Rating)
    /// A bad review's follow-up moves on (整改, 回访).
    case followUp(evaluation: String, step: FollowUpStep)
    /// After a catalogue reload that renamed services: their waiting tickets and open cases
    /// move to the new ids.
    case moveToReplacements
    /// 预约: a verified phone books a slot.
    case book(BookingOrder)
    /// The applicant cancels a booking, proving it with the phone it was made with.
    case cancelBooking(code: String, phoneKey: String)
    /// 预约签到: a booking code typed or scanned at a kiosk becomes a ticket.
    case checkIn(CheckInOrder)
    /// 线上取号: a verified phone takes a ticket the same day, from wherever it is.
    case takeRemote(RemoteTicketOrder)

    /// The case this command may need read from the database (a return visit, a cancel).
    public var storedCaseId: String? {
        switch self {
        case .issue(let order): order.caseId
        case .cancelCase(let id, _): id
        default: nil
        }
    }

    /// The evaluation this command needs read from the database: reviews are not kept in memory.
    public var storedEvaluationId: String? {
        if case .followUp(let id, _) = self { return id }
        return nil
    }
}
