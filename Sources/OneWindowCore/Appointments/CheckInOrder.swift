/// What a kiosk asks for when an applicant checks in with a booking code (预约签到).
public struct CheckInOrder: Sendable {
    /// The booking code, as typed or scanned.
    public var code: String
    /// The id the new ticket gets, made by the caller (as `TicketOrder.id`).
    public var ticketId: String
    /// Elderly, disabled, pregnant or military: served first, as at the kiosk's 取号.
    public var priority: Bool
    /// The receipt's evaluation code, kept with the ticket as a hash.
    public var evaluationCode: EvaluationCodeSeal?

    public init(code: String, ticketId: String, priority: Bool, evaluationCode: EvaluationCodeSeal? = nil) {
        self.code = code
        self.ticketId = ticketId
        self.priority = priority
        self.evaluationCode = evaluationCode
    }
}

/// A check-in's result: the ticket, the booking as now checked in (none for a remote ticket),
/// and how it went.
public struct CheckInResult: Sendable, Equatable {
    public enum Arrival: String, Sendable, Equatable {
        /// Inside the check-in window: a ticket with channel `appointment`.
        case inTime = "in_time"
        /// After the window closed, on the booking's day: a walk-in ticket.
        case late
        /// A remote ticket (线上取号) checked in: call-next takes it from now on.
        case remote
    }

    public var ticket: Ticket
    /// Nil for a remote ticket's check-in.
    public var booking: Booking?
    public var arrival: Arrival
    /// The booking was checked in before: this is the ticket that check-in gave.
    public var repeated: Bool

    public init(ticket: Ticket, booking: Booking?, arrival: Arrival, repeated: Bool) {
        self.ticket = ticket
        self.booking = booking
        self.arrival = arrival
        self.repeated = repeated
    }
}
