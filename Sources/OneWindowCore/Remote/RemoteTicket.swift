import Foundation

/// A ticket taken from a phone the same day (线上取号, channel `remote`): what the queue keeps
/// beside the ticket itself. The holder is not in the hall yet, so call-next skips the ticket
/// until it is checked in at a kiosk (预约签到 with `checkInCode`); it keeps its place by its
/// issue time meanwhile.
public struct RemoteTicket: Sendable, Equatable {
    public let ticketId: String
    public let hallDay: String
    /// The phone's keyed hash: one remote ticket per phone per hall day.
    public let phoneKey: String
    /// What the holder types or scans at the kiosk's 预约签到 (shown on `/t/{id}`), in the
    /// booking codes' alphabet so that the kiosk takes either.
    public let checkInCode: String
    /// "前面还有 N 人" goes once the place in line is this or fewer.
    public let nearAhead: Int
    /// When the holder checked in at a kiosk; nil while still away (and skipped).
    public var checkedInAt: Date?
    /// When "前面还有 N 人" was written to the outbox (once per ticket).
    public var nearSentAt: Date?

    public init(
        ticketId: String, hallDay: String, phoneKey: String, checkInCode: String, nearAhead: Int,
        checkedInAt: Date? = nil, nearSentAt: Date? = nil
    ) {
        self.ticketId = ticketId
        self.hallDay = hallDay
        self.phoneKey = phoneKey
        self.checkInCode = checkInCode
        self.nearAhead = nearAhead
        self.checkedInAt = checkedInAt
        self.nearSentAt = nearSentAt
    }
}

/// What `POST /api/v1/remote-tickets` and `/book`'s 今日排队 ask for, once the phone was verified.
public struct RemoteTicketOrder: Sendable {
    /// The new ticket's id, made by the caller (as `TicketOrder.id`).
    public var ticketId: String
    public var serviceId: String
    public var phoneKey: String
    /// The number sealed for storage (opaque to the core).
    public var phoneSealed: Data
    /// Made by the caller (random, unguessable).
    public var checkInCode: String
    /// The hall's closing instant today: a remote ticket is taken only if its estimated turn
    /// comes before it. Nil when the hall has no closing time.
    public var closesAt: Date?
    /// The place in line at which "前面还有 N 人" goes (the daemon's `--near-ahead`).
    public var nearAhead: Int

    public init(
        ticketId: String, serviceId: String, phoneKey: String, phoneSealed: Data, checkInCode: String,
        closesAt: Date?, nearAhead: Int
    ) {
        self.ticketId = ticketId
        self.serviceId = serviceId
        self.phoneKey = phoneKey
        self.phoneSealed = phoneSealed
        self.checkInCode = checkInCode
        self.closesAt = closesAt
        self.nearAhead = nearAhead
    }
}

/// A remote ticket whose place in line reached its `nearAhead` with a call: "前面还有 N 人".
public struct NearNotice: Sendable, Equatable {
    /// The remote ticket, as it stands (still waiting).
    public let ticket: Ticket
    /// How many are ahead of it now.
    public let ahead: Int

    public init(ticket: Ticket, ahead: Int) {
        self.ticket = ticket
        self.ahead = ahead
    }
}
