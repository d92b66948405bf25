import Foundation
import OneWindowCore

/// `POST /api/v1/remote-tickets`'s body: the service and the verified phone.
struct RemoteTicketRequest: Decodable {
    var serviceId: String
    var phone: String
    var code: String
}

/// A remote ticket as its holder gets it: the ticket, its page, and the code to type or scan
/// at the kiosk's 预约签到 (call-next skips the ticket until then).
struct RemoteTicketView: Encodable, CommandAnswer {
    var ticket: TicketView
    /// The ticket's page, `/t/{id}`: place in line and estimate, refreshed by the applicant.
    var link: String
    var checkInCode: String

    init(_ outcome: QueueOutcome, of command: QueueCommand, in queue: HallQueue, at now: Date) {
        guard case .ticket(let ticket) = outcome, case .takeRemote(let order) = command else {
            preconditionFailure("a remote ticket was expected, not \(outcome)")
        }
        self.ticket = TicketView(ticket, in: queue)
        link = "/t/" + ticket.id
        checkInCode = order.checkInCode
    }
}
