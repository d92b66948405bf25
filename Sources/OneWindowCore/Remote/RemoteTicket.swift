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
