/// Why a queue command was refused. Each case maps to one HTTP status and code in the API.
public enum QueueError: Error, Sendable, Equatable {
    case serviceNotFound(String)
    /// No open (unpaused) window takes the service: the kiosk shows the message.
    case serviceNotServed(String)
    /// The service has no hall promise (`visitsPromised.hall`): the hall does not receive it.
    case notReceivedInHall(String)
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
    /// no-show before the set time since the first call; the applicant may still be coming.
    case tooSoonForNoShow(ticket: String, secondsLeft: Int)
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
    /// A rating names a reason id that `EvaluationReason.all` does not have.
    case unknownReason(String)
    /// A rating of 1 or 2 must say why: at least one reason.
    case reasonsRequired
    /// A kiosk rating whose evaluation code is not the receipt's.
    case evaluationCodeInvalid(ticket: String)
    /// Too many wrong evaluation codes, for the ticket or from the device; retry after `seconds`.
    case evaluationCodeLocked(seconds: Int)
    /// A pad rating a visit that ended at another window.
    case wrongWindow(ticket: String, window: String)
    /// A pad rating a visit that ended more than `minutes` ago.
    case evaluationTooLate(ticket: String, minutes: Int)
    /// A visit-back is recorded only after the rectification, and only once.
    case notRectifiedYet(String)
    case alreadyVisitedBack(String)
    /// A booking refused by the rules of booking (`BookingLedger`).
    case booking(BookingRefusal)
    /// No booking with that code for that phone.
    case bookingNotFound
    /// A check-in before the booking's check-in window opens, at `opens` on `day` (`today`
    /// when that is the hall's current day), in `seconds`.
    case checkInTooEarly(day: String, opens: ClockTime, today: Bool, seconds: Int)
    /// A check-in of a booking whose day has passed: it was missed.
    case bookingDayPassed(day: String)
    /// 线上取号: this phone took a remote ticket today already (its number).
    case remoteTicketTaken(number: String)
    /// 线上取号 while the hall is closed: not a working day, or past the closing time.
    case hallClosedNow
    /// 线上取号 whose estimated turn (in `waitMinutes`) comes after the hall closes today.
    case turnAfterClosing(waitMinutes: Int)

    /// Words for the applicant or the clerk.
    public var message: String {
        switch self {
        case .serviceNotFound(let id): "no service item with id “\(id)”"
        case .notReceivedInHall(let name): "“\(name)”不在大厅受理，请通过其他渠道办理 (the hall does not receive this service)"
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
        case .tooSoonForNoShow(let ticket, let left):
            "ticket \(ticket) was first called too recently; the applicant may still be coming. Try again in \(left) s"
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
        case .unknownReason(let id):
            "no reason “\(id)”; known: \(EvaluationReason.all.map(\.id).joined(separator: ", "))"
        case .reasonsRequired: "a rating of 1 or 2 needs at least one reason (reasons)"
        case .evaluationCodeInvalid(let ticket): "the evaluation code is not that of ticket \(ticket)"
        case .evaluationCodeLocked(let seconds): "too many wrong evaluation codes; try again in \(seconds) s"
        case .wrongWindow(let ticket, let window): "ticket \(ticket) ended at window \(window), not this pad's"
        case .evaluationTooLate(let ticket, let minutes):
            "ticket \(ticket) ended more than \(minutes) minutes ago; a pad rates only the visit that just ended"
        case .notRectifiedYet(let id): "evaluation \(id) is not rectified yet; record what was done first"
        case .alreadyVisitedBack(let id): "the applicant of evaluation \(id) was visited back already"
        case .booking(let refusal): refusal.message
        case .bookingNotFound: "no booking with that code for that phone number"
        case .checkInTooEarly(let day, let opens, let today, _):
            today
                ? "还未到签到时间，请于 \(opens) 后再来签到 (check-in opens at \(opens))"
                : "预约日期是 \(day)，请当天 \(opens) 后再来签到 (check-in opens on \(day) at \(opens))"
        case .bookingDayPassed(let day):
            "该预约的日期 \(day) 已过，请现场取号 (the booking's day has passed; take a ticket)"
        case .remoteTicketTaken(let number):
            "此手机号今日已线上取号（\(number)），每个手机号每天限取一个 (this phone took remote ticket \(number) today; one a day)"
        case .hallClosedNow: "大厅现在不办公，无法线上取号 (the hall is closed now: no remote tickets)"
        case .turnAfterClosing(let minutes):
            "预计等候约 \(minutes) 分钟，今日闭厅前轮不到，请改日办理或预约 (the estimated wait of \(minutes) min runs past closing)"
        }
    }
}
