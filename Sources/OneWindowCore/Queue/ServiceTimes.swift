import Foundation

/// Recent service times per service item, for wait estimates.
///
/// Keeps the last `window` durations (call to completion) of each service; until a service has
/// history, `defaultSeconds` (5 minutes) stands in for it.
public struct ServiceTimes: Sendable, Equatable {
    public static let defaultSeconds: Double = 300
    public let window: Int
    private var recent: [String: [Double]] = [:]

    public init(window: Int = 20) {
        self.window = window
    }

    public mutating func add(_ seconds: Double, for serviceId: String) {
        guard seconds >= 0 else { return }
        var list = recent[serviceId, default: []]
        list.append(seconds)
        if list.count > window { list.removeFirst(list.count - window) }
        recent[serviceId] = list
    }

    /// The mean of the recent durations, or the default when there are none.
    public func average(for serviceId: String) -> Double {
        guard let list = recent[serviceId], !list.isEmpty else { return Self.defaultSeconds }
        return list.reduce(0, +) / Double(list.count)
    }
}

extension HallQueue {
    /// How many are ahead of a waiting ticket and roughly how long it will wait.
    ///
    /// `estimatedWaitSeconds = Σ (recent average service time of each ticket ahead's service)
    /// ÷ (open windows that take this ticket's service)`. "Ahead" counts the waiting tickets
    /// served before it (priority first, then issue time) that one of those windows also takes.
    /// Nil seconds when no open window takes the service (paused ones drop out).
    public func estimate(for ticket: Ticket) -> (ahead: Int, seconds: Int?) {
        guard ticket.status == .waiting else { return (0, ticket.status == .called ? 0 : nil) }
        let open = openWindows(serving: ticket.serviceId)
        let served = { (serviceId: String) in open.contains { $0.serves(serviceId) } }
        var ahead = 0
        var total = 0.0
        for line in lines.ahead(of: ticket, in: served) {
            ahead += line.count
            total += Double(line.count) * serviceTimes.average(for: line.serviceId)
        }
        guard !open.isEmpty else { return (ahead, nil) }
        return (ahead, Int((total / Double(open.count)).rounded()))
    }
}
