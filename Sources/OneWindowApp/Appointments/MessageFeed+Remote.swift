import Foundation
import OneWindowCore
import OneWindowStorage

/// The messages of remote tickets (线上取号), written in the transaction of the change like
/// every message: the ticket taken (`remote_ticket_taken`, with its check-in code and page),
/// and "前面还有 N 人" (`ticket_near`) once, in the transaction of the call that moved it.
extension MessageFeed {
    static func remoteMessages(_ changes: QueueChanges, _ transaction: QueueTransaction, _ catalogue: Catalogue)
        throws -> [OutboxMessage]
    {
        var messages: [OutboxMessage] = []
        for (id, sealed) in changes.remotePhones.sorted(by: { $0.key < $1.key }) {
            guard let ticket = changes.tickets[id], let remote = changes.remoteTickets[id] else { continue }
            var params = ticketParams(ticket, catalogue)
            params["code"] = remote.checkInCode
            params["link"] = "/t/" + id
            messages.append(
                PhoneMessage(.remoteTicketTaken, params: params, phoneSealed: sealed)
                    .outbox(event: "remote_ticket_taken:" + id))
        }
        // The key is the ticket: once per ticket, whatever restarts or replays follow.
        for (id, near) in changes.remoteNear.sorted(by: { $0.key < $1.key }) {
            guard let remote = changes.remoteTickets[id], near.ticket.status == .waiting,
                let sealed = try transaction.sealedPhone(ofRemoteTicket: id)
            else { continue }
            var params = ticketParams(near.ticket, catalogue)
            params["ahead"] = "\(near.ahead)"
            params["checkIn"] =
                remote.checkedInAt == nil
                ? "请尽快到大厅，在自助机“预约签到”输入签到码 \(remote.checkInCode)。" : "请留意叫号。"
            messages.append(
                PhoneMessage(.ticketNear, params: params, phoneSealed: sealed).outbox(event: "ticket_near:" + id))
        }
        return messages
    }

    static func ticketParams(_ ticket: Ticket, _ catalogue: Catalogue) -> [String: String] {
        ["number": ticket.number, "service": catalogue.service(id: ticket.serviceId)?.name ?? ticket.serviceId]
    }
}
