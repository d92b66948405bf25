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
    /// `walk_in`, `appointment` (checked in from a booking: called ahead of walk-ins) or `remote`.
    var channel: String
    /// Remote tickets only: whether the holder checked in at a kiosk (call-next skips it until then).
    var checkedIn: Bool?
    /// Remote tickets only, while waiting and not checked in: the code for the kiosk's 预约签到.
    var checkInCode: String?
    /// People who will be called before this ticket (0 once called).
    var ahead: Int
    /// Nil when no open window takes the service, or once the ticket has ended.
    var estimatedWaitSeconds: Int?
    /// The minutes the applicant is told (`WaitMinutes.told`): every screen shows this number.
    var estimatedWaitMinutes: Int?
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
    /// For clerks only, while called: seconds before the time since the first call allows a
    /// no-show (0 once it does; the calls needed are counted apart, in `callCount`).
    var secondsBeforeNoShow: Int?
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
        channel = ticket.channel.rawValue
        if ticket.channel == .remote, let remote = queue.remoteTickets[ticket.id] {
            checkedIn = remote.checkedInAt != nil
            if remote.checkedInAt == nil, ticket.status == .waiting { checkInCode = remote.checkInCode }
        }
        ahead = estimate.ahead
        estimatedWaitSeconds = estimate.seconds
        estimatedWaitMinutes = WaitMinutes.told(seconds: estimate.seconds, waiting: ticket.status == .waiting)
        issuedAt = Timestamp.iso8601(ticket.issuedAt)
        window = ticket.window
        windowName = ticket.window.flatMap { id in queue.catalogue.hall.windows.first { $0.id == id }?.name }
        callCount = ticket.callCount
        outcome = ticket.outcome
        caseId = ticket.caseId
        visit = ticket.caseId.flatMap { queue.cases[$0]?.ticketIds.firstIndex(of: ticket.id) }.map { $0 + 1 }
    }

    /// The view a clerk's console gets: with the no-show countdown while the ticket is called.
    init(clerk ticket: Ticket, in queue: HallQueue, at now: Date) {
        self.init(ticket, in: queue)
        if ticket.status == .called { secondsBeforeNoShow = queue.secondsBeforeNoShow(ticket, at: now) }
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
    /// Its id, for the clerk's console to act on after a restart: only to clerks and admins,
    /// never to the public (boards), since a ticket's id is its holder's.
    var currentTicketId: String?

    init(_ window: Window, in queue: HallQueue, forClerk: Bool = false) {
        let state = queue.windows[window.id]
        id = window.id
        name = window.name
        kind = window.kind.rawValue
        paused = state?.paused ?? false
        let current = state?.currentTicketId.flatMap { queue.tickets[$0] }
        currentTicket = current?.number
        currentTicketId = forClerk ? current?.id : nil
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
        /// The minutes a board shows (`WaitMinutes.told`): 0 when nobody waits and a ticket
        /// taken now would be called at once.
        var estimatedWaitMinutes: Int?
    }

    struct Call: Encodable {
        var number: String
        /// The ticket's channel: a board marks appointment tickets (约).
        var channel: String
        var window: String
        var calledAt: String
    }

    /// What one window can call: the waiting tickets of the services it takes.
    struct WindowLine: Encodable {
        var id: String
        var callable: Int
    }

    var day: String
    var queues: [Line]
    var lastCalls: [Call]
    var windows: [WindowLine]

    init(_ queue: HallQueue) {
        day = queue.day
        var perPrefix: [String: Int] = [:]
        for item in queue.catalogue.services { perPrefix[item.queuePrefix] = 0 }
        // By the tickets' own prefixes: a transferred ticket keeps its number.
        perPrefix.merge(queue.waitingByPrefix) { _, counted in counted }
        let waits = queue.newTicketWaitsByPrefix()
        queues = perPrefix.keys.sorted().map { prefix in
            Line(
                prefix: prefix, waiting: perPrefix[prefix]!, estimatedWaitSeconds: waits[prefix],
                estimatedWaitMinutes: WaitMinutes.told(seconds: waits[prefix], waiting: perPrefix[prefix]! > 0))
        }
        lastCalls = queue.recentCalls.compactMap { queue.tickets[$0] }.compactMap { ticket in
            guard let window = ticket.window, let at = ticket.calledAt else { return nil }
            return Call(
                number: ticket.number, channel: ticket.channel.rawValue, window: window, calledAt: Timestamp.iso8601(at)
            )
        }
        windows = queue.catalogue.hall.windows.map {
            WindowLine(id: $0.id, callable: queue.callableCount(window: $0.id))
        }
    }
}
