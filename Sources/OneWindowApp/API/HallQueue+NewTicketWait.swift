import Foundation
import OneWindowCore

extension HallQueue {
    /// How long a ticket of each queue letter taken now would wait: the longest of its
    /// services' estimates, by the same estimate a real ticket gets (`estimate(for:)`), for a
    /// probe issued after everyone. A letter no open window takes is absent.
    ///
    /// The estimate depends only on which open windows take the service, so services taken by
    /// the same windows share one: a hall of 34 services and 7 windows needs about 6. This runs
    /// under the queue's lock on every `GET /api/v1/queue`, so it is kept to that.
    func newTicketWaitsByPrefix() -> [String: Int] {
        var byWindows: [[String]: Int?] = [:]
        var waits: [String: Int] = [:]
        for index in catalogue.services.indices {
            let serviceId = catalogue.services[index].id
            let windows = catalogue.hall.windows.compactMap { window in
                window.serves(serviceId) && self.windows[window.id]?.paused != true ? window.id : nil
            }
            let seconds: Int?
            if let known = byWindows[windows] {
                seconds = known
            } else {
                let probe = Ticket(
                    id: "", hallDay: day, prefix: "", sequence: .max, serviceId: serviceId, priority: false,
                    issuedAt: .distantFuture)
                seconds = estimate(for: probe).seconds
                byWindows[windows] = seconds
            }
            guard let seconds else { continue }
            let prefix = catalogue.services[index].queuePrefix
            waits[prefix] = max(waits[prefix] ?? 0, seconds)
        }
        return waits
    }
}
