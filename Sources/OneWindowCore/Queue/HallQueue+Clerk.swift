import Foundation

/// What a clerk's console needs to know about its own window.
extension HallQueue {
    /// Whole seconds until `noShowAfter` has passed since the ticket's first call (rounded up,
    /// so a clerk told 1 is never refused again at 1); 0 once it has, or for a ticket not called.
    public func secondsBeforeNoShow(_ ticket: Ticket, at now: Date) -> Int {
        guard let first = ticket.firstCalledAt ?? ticket.calledAt else { return 0 }
        let left = noShowAfter - now.timeIntervalSince(first)
        return left > 0 ? Int(left.rounded(.up)) : 0
    }

    /// The waiting tickets `windowId` can call: those of the services it takes. A letter's
    /// count is not it: a specialised window sees only part of a letter, and a letter's
    /// transferred tickets may wait for another service. 0 for an unknown window.
    public func callableCount(window windowId: String) -> Int {
        guard let window = catalogue.hall.windows.first(where: { $0.id == windowId }) else { return 0 }
        return lines.count { window.serves($0) }
    }
}
