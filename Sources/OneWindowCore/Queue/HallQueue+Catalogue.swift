import Foundation

extension HallQueue {
    /// After a reload whose catalogue renamed services (`replaces`), moves what still names an
    /// old id to the service that replaces it: each waiting ticket, with a `transferred` event
    /// from the old id to the new one (so the day's figures follow it, as for a clerk's
    /// transfer), and each open case. A called ticket is not moved (the reload is refused while
    /// one is at a window). History keeps the old ids: ended tickets and closed cases were
    /// about the service as it was then.
    /// - Parameter stored: the open cases of the renamed services as stored (the queue holds
    ///   only today's cases); the queue's own copy of a case wins.
    /// - Returns: how many tickets and cases moved.
    @discardableResult
    mutating func moveToReplacements(stored: [CaseRecord] = [], actor: String, at now: Date) -> (
        tickets: Int, cases: Int
    ) {
        rollOver(to: now)
        var moved = (tickets: 0, cases: 0)
        let stranded = tickets.values.filter { $0.status == .waiting && catalogue.service(id: $0.serviceId) == nil }
        for var ticket in stranded.sorted(by: Ticket.isServedBefore) {
            guard let to = catalogue.service(replacing: ticket.serviceId) else { continue }
            let from = ticket.serviceId
            ticket.serviceId = to.id
            record(ticket, .transferred, actor: actor, at: now, detail: EventDetail(from: from, to: to.id))
            moved.tickets += 1
        }
        var open = cases
        for record in stored where open[record.id] == nil { open[record.id] = record }
        for visit in open.values.sorted(by: { $0.id < $1.id })
        where visit.state == .open && catalogue.service(id: visit.serviceId) == nil {
            guard let to = catalogue.service(replacing: visit.serviceId) else { continue }
            record(
                CaseRecord(
                    id: visit.id, serviceId: to.id, openedAt: visit.openedAt, state: visit.state,
                    endedAt: visit.endedAt, cancelReason: visit.cancelReason, ticketIds: visit.ticketIds,
                    visits: visit.visits), nil, actor: actor, at: now)
            moved.cases += 1
        }
        return moved
    }
}
