import Foundation

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
