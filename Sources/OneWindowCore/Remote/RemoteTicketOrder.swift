import Foundation

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
