import Foundation
import OneWindowCore

/// A ticket as the API shows it, with its place in the queue and its case.
struct TicketView: Encodable {
    var id: String
    var number: String
    var serviceId: String
    var serviceName: String?
    var status: String
    var priority: Bool
    /// People who will be called before this ticket (0 once called).
    var ahead: Int
    /// Nil when no open window takes the service, or once the ticket has ended.
    var estimatedWaitSeconds: Int?
    var issuedAt: String
    var window: String?
    var windowName: String?
    var callCount: Int
    var outcome: String?
    /// The case (办件) this ticket is a visit of.
    var caseId: String?
    /// This ticket's place among the case's tickets: 1 for the first.
    var visit: Int?
    /// For clerks only: the case with its earlier visits.
    var `case`: CaseView?
    /// Only in the answer that issued the ticket, for the receipt: the code a kiosk rating needs.
    var evaluationCode: String?

    init(_ ticket: Ticket, in queue: HallQueue) {
        let estimate = queue.estimate(for: ticket)
        id = ticket.id
        number = ticket.number
        serviceId = ticket.serviceId
        serviceName = queue.catalogue.service(id: ticket.serviceId)?.name
        status = ticket.status.rawValue
        priority = ticket.priority
        ahead = estimate.ahead
        estimatedWaitSeconds = estimate.seconds
        issuedAt = Timestamp.iso8601(ticket.issuedAt)
        window = ticket.window
        windowName = ticket.window.flatMap { id in queue.catalogue.hall.windows.first { $0.id == id }?.name }
        callCount = ticket.callCount
        outcome = ticket.outcome
        caseId = ticket.caseId
        visit = ticket.caseId.flatMap { queue.cases[$0]?.ticketIds.firstIndex(of: ticket.id) }.map { $0 + 1 }
    }
}

/// `{"ticket":{…}}`.
struct TicketEnvelope: Encodable {
    var ticket: TicketView
}

/// A window as the hall sees it: open or paused, and whom it serves now.
struct WindowView: Encodable {
    var id: String
    var name: String
    var kind: String
    var paused: Bool
    /// The number of the ticket called to the window and not yet ended.
    var currentTicket: String?
    /// Its id, for the clerk's console to act on after a restart.
    var currentTicketId: String?

    init(_ window: Window, in queue: HallQueue) {
        let state = queue.windows[window.id]
        id = window.id
        name = window.name
        kind = window.kind.rawValue
        paused = state?.paused ?? false
        currentTicketId = state?.currentTicketId.flatMap { queue.tickets[$0]?.id }
        currentTicket = currentTicketId.flatMap { queue.tickets[$0]?.number }
    }
}

/// `GET /api/v1/queue`: waiting per queue and the last calls, for boards and the public.
struct QueueView: Encodable {
    struct Line: Encodable {
        var prefix: String
        var waiting: Int
        /// Roughly how long a ticket of this letter taken now would wait (the longest of its
        /// services' estimates); nil when no open window takes any of them.
        var estimatedWaitSeconds: Int?
    }

    struct Call: Encodable {
        var number: String
        var window: String
        var calledAt: String
    }

    var day: String
    var queues: [Line]
    var lastCalls: [Call]

    init(_ queue: HallQueue) {
        day = queue.day
        var perPrefix: [String: Int] = [:]
        for item in queue.catalogue.services { perPrefix[item.queuePrefix] = 0 }
        // By the tickets' own prefixes: a transferred ticket keeps its number.
        perPrefix.merge(queue.waitingByPrefix) { _, counted in counted }
        let waits = queue.newTicketWaitsByPrefix()
        queues = perPrefix.keys.sorted().map { prefix in
            Line(prefix: prefix, waiting: perPrefix[prefix]!, estimatedWaitSeconds: waits[prefix])
        }
        lastCalls = queue.recentCalls.compactMap { queue.tickets[$0] }.compactMap { ticket in
            guard let window = ticket.window, let at = ticket.calledAt else { return nil }
            return Call(number: ticket.number, window: window, calledAt: Timestamp.iso8601(at))
        }
    }
}
