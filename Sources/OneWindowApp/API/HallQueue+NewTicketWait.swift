import Foundation
import OneWindowCore

extension HallQueue {
    /// How long a ticket of `serviceId` taken now would wait, by the same estimate a real
    /// ticket gets (`estimate(for:)`): a probe issued after everyone, so all who wait for the
    /// windows that take the service are ahead of it. Nil when no open window takes it.
    func waitForNewTicket(serviceId: String) -> Int? {
        let probe = Ticket(
            id: "", hallDay: day, prefix: "", sequence: .max, serviceId: serviceId, priority: false,
            issuedAt: .distantFuture)
        return estimate(for: probe).seconds
    }
}
