import OneWindowCore
import OneWindowHTTP

/// Error codes of the queue API; a refused transition names the state the ticket is in.
extension HTTPError.Code {
    public static let ticketNotFound = HTTPError.Code(name: "ticket_not_found", status: 404)
    public static let windowNotFound = HTTPError.Code(name: "window_not_found", status: 404)
    public static let serviceNotServed = HTTPError.Code(name: "service_not_served", status: 422)
    /// The service has no hall promise: the hall takes no ticket for it.
    public static let serviceNotInHall = HTTPError.Code(name: "service_not_in_hall", status: 409)
    public static let ticketWaiting = HTTPError.Code(name: "ticket_waiting", status: 409)
    public static let ticketCalled = HTTPError.Code(name: "ticket_called", status: 409)
    public static let ticketCompleted = HTTPError.Code(name: "ticket_completed", status: 409)
    public static let ticketNoShow = HTTPError.Code(name: "ticket_no_show", status: 409)
    public static let ticketExpired = HTTPError.Code(name: "ticket_expired", status: 409)
    public static let ticketAtOtherWindow = HTTPError.Code(name: "ticket_at_other_window", status: 409)
    public static let windowBusy = HTTPError.Code(name: "window_busy", status: 409)
    public static let windowPaused = HTTPError.Code(name: "window_paused", status: 409)
    public static let noCurrentTicket = HTTPError.Code(name: "no_current_ticket", status: 409)
    public static let tooFewCalls = HTTPError.Code(name: "too_few_calls", status: 409)
    /// A no-show before the set time since the first call; the answer says how long is left.
    public static let tooSoonForNoShow = HTTPError.Code(name: "too_soon_for_no_show", status: 409)
    public static let storageUnavailable = HTTPError.Code(name: "storage_unavailable", status: 503)
    /// The database's disk is full: writes fail, reads go on.
    public static let storageFull = HTTPError.Code(name: "storage_full", status: 503)
    public static let caseNotFound = HTTPError.Code(name: "case_not_found", status: 404)
    public static let caseServiceMismatch = HTTPError.Code(name: "case_service_mismatch", status: 422)
    public static let caseClosed = HTTPError.Code(name: "case_closed", status: 409)
    public static let caseCancelled = HTTPError.Code(name: "case_cancelled", status: 409)
    public static let caseVisitOpen = HTTPError.Code(name: "case_visit_open", status: 409)
    public static let caseHasVisits = HTTPError.Code(name: "case_has_visits", status: 409)
    public static let noteRequired = HTTPError.Code(name: "note_required", status: 422)
    public static let reasonRequired = HTTPError.Code(name: "reason_required", status: 422)
    public static let missingMaterialsRequired = HTTPError.Code(name: "missing_materials_required", status: 422)
    public static let unknownMaterial = HTTPError.Code(name: "unknown_material", status: 422)
    public static let visitNotEnded = HTTPError.Code(name: "visit_not_ended", status: 409)
    public static let alreadyEvaluated = HTTPError.Code(name: "already_evaluated", status: 409)
    public static let evaluationNotFound = HTTPError.Code(name: "evaluation_not_found", status: 404)
    public static let notABadReview = HTTPError.Code(name: "not_a_bad_review", status: 409)
    public static let alreadyRectified = HTTPError.Code(name: "already_rectified", status: 409)
    public static let notRectifiedYet = HTTPError.Code(name: "not_rectified_yet", status: 409)
    public static let alreadyVisitedBack = HTTPError.Code(name: "already_visited_back", status: 409)
    /// An Idempotency-Key sent again with another request, or after 24 hours.
    /// Booking (预约): a request the rules refuse (422), or a limit or a full slot (409).
    public static let serviceNotBookable = HTTPError.Code(name: "service_not_bookable", status: 422)
    public static let hallClosedThatDay = HTTPError.Code(name: "hall_closed_that_day", status: 422)
    public static let noSuchSlot = HTTPError.Code(name: "no_such_slot", status: 422)
    public static let slotInPast = HTTPError.Code(name: "slot_in_past", status: 422)
    public static let bookingNotOpen = HTTPError.Code(name: "booking_not_open", status: 422)
    public static let slotFull = HTTPError.Code(name: "slot_full", status: 409)
    public static let phoneHasBooking = HTTPError.Code(name: "phone_has_booking", status: 409)
    public static let phoneAtLimit = HTTPError.Code(name: "phone_at_limit", status: 409)
    public static let phoneBanned = HTTPError.Code(name: "phone_banned", status: 403)
    public static let tooLateToCancel = HTTPError.Code(name: "too_late_to_cancel", status: 409)
    public static let bookingNotLive = HTTPError.Code(name: "booking_not_live", status: 409)
    public static let bookingNotFound = HTTPError.Code(name: "booking_not_found", status: 404)
    /// Check-in (预约签到) before the window opens: the message says when to come back.
    public static let checkInTooEarly = HTTPError.Code(name: "check_in_too_early", status: 422)
    public static let bookingDayPassed = HTTPError.Code(name: "booking_day_passed", status: 422)
    public static let idempotencyKeyReused = HTTPError.Code(name: "idempotency_key_reused", status: 422)
    /// 线上取号: one remote ticket a phone a hall day.
    public static let remoteTicketTaken = HTTPError.Code(name: "remote_ticket_taken", status: 409)
    /// 线上取号 while the hall is closed (not a working day, or after the closing time).
    public static let hallClosedNow = HTTPError.Code(name: "hall_closed_now", status: 422)
    /// 线上取号 whose estimated turn comes after the hall closes today.
    public static let turnAfterClosing = HTTPError.Code(name: "turn_after_closing", status: 422)
}

extension QueueFailure {
    var httpError: HTTPError {
        let retry: HTTPHeaders = ["Retry-After": "1"]
        return switch self {
        case .storage:
            HTTPError(.storageUnavailable, "the change could not be saved; nothing changed, try again", headers: retry)
        case .full:
            HTTPError(.storageFull, "the database disk is full; nothing changed. Tell the operator", headers: retry)
        case .unavailable:
            HTTPError(
                .storageUnavailable, "the queue cannot be read back from the database; writes wait until it can",
                headers: retry)
        case .busy: HTTPError(.serverBusy, "too many requests are waiting; try again in a moment", headers: retry)
        case .stopping: HTTPError(.shuttingDown, "the daemon is stopping; try again in a moment", headers: retry)
        case .keyReused(let message): HTTPError(.idempotencyKeyReused, message)
        case .refused(.tooSoonForNoShow(let ticket, let left)):
            HTTPError(
                .tooSoonForNoShow, QueueError.tooSoonForNoShow(ticket: ticket, secondsLeft: left).message,
                headers: ["Retry-After": "\(left)"], retryAfterSeconds: left)
        case .refused(.evaluationCodeLocked(let seconds)):
            HTTPError(
                .evaluationCodeLocked, QueueError.evaluationCodeLocked(seconds: seconds).message,
                headers: ["Retry-After": "\(seconds)"])
        case .refused(.checkInTooEarly(let day, let opens, let today, let seconds)):
            HTTPError(
                .checkInTooEarly,
                QueueError.checkInTooEarly(day: day, opens: opens, today: today, seconds: seconds).message,
                retryAfterSeconds: seconds)
        case .refused(let error): HTTPError(Self.code(error), error.message)
        }
    }

    private static func code(_ error: QueueError) -> HTTPError.Code {
        switch error {
        case .serviceNotFound: .serviceNotFound
        case .serviceNotServed: .serviceNotServed
        case .notReceivedInHall: .serviceNotInHall
        case .ticketNotFound: .ticketNotFound
        case .windowNotFound: .windowNotFound
        case .windowBusy: .windowBusy
        case .noCurrentTicket: .noCurrentTicket
        case .notThisWindow: .ticketAtOtherWindow
        case .windowPaused: .windowPaused
        case .tooFewCalls: .tooFewCalls
        case .tooSoonForNoShow: .tooSoonForNoShow
        case .caseNotFound: .caseNotFound
        case .caseServiceMismatch: .caseServiceMismatch
        case .caseClosed: .caseClosed
        case .caseCancelled: .caseCancelled
        case .caseVisitOpen: .caseVisitOpen
        case .caseHasVisits: .caseHasVisits
        case .noteRequired: .noteRequired
        case .reasonRequired: .reasonRequired
        case .missingMaterialsRequired: .missingMaterialsRequired
        case .unknownMaterial: .unknownMaterial
        case .ratingOutOfRange: .malformedBody
        case .visitNotEnded: .visitNotEnded
        case .alreadyEvaluated: .alreadyEvaluated
        case .evaluationNotFound: .evaluationNotFound
        case .notABadReview: .notABadReview
        case .alreadyRectified: .alreadyRectified
        case .unknownReason: .unknownReason
        case .reasonsRequired: .reasonsRequired
        case .evaluationCodeInvalid: .evaluationCodeInvalid
        case .evaluationCodeLocked: .evaluationCodeLocked
        case .wrongWindow: .wrongWindow
        case .evaluationTooLate: .evaluationTooLate
        case .notRectifiedYet: .notRectifiedYet
        case .alreadyVisitedBack: .alreadyVisitedBack
        case .bookingNotFound: .bookingNotFound
        case .checkInTooEarly: .checkInTooEarly
        case .bookingDayPassed: .bookingDayPassed
        case .remoteTicketTaken: .remoteTicketTaken
        case .hallClosedNow: .hallClosedNow
        case .turnAfterClosing: .turnAfterClosing
        case .booking(let refusal):
            switch refusal {
            case .notBookable: .serviceNotBookable
            case .closedDay: .hallClosedThatDay
            case .noSuchSlot: .noSuchSlot
            case .past: .slotInPast
            case .notYetOpen: .bookingNotOpen
            case .slotFull: .slotFull
            case .phoneHasBooking: .phoneHasBooking
            case .phoneAtLimit: .phoneAtLimit
            case .phoneBanned: .phoneBanned
            case .tooLateToCancel: .tooLateToCancel
            case .notBooked: .bookingNotLive
            }
        case .ticketState(_, let status, _):
            switch status {
            case .waiting: .ticketWaiting
            case .called: .ticketCalled
            case .completed: .ticketCompleted
            case .noShow: .ticketNoShow
            case .expired: .ticketExpired
            }
        }
    }
}
