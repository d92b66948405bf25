import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// 线上取号: a verified phone takes today's ticket from wherever it is. Public, like booking:
    /// the verification code is the proof, and the phone travels in the body, never the URL.
    static func remoteTickets(_ state: AppState) -> [Route] {
        [
            Route("POST", "/api/v1/remote-tickets", body: .json) { request, responder in
                let order = try remoteTicketOrder(request.decodeJSON(RemoteTicketRequest.self), state)
                state.queue.execute(.takeRemote(order), by: "web", answer: RemoteTicketView.self) { result in
                    responder.answer(result, status: 201)
                }
            }
        ]
    }

    /// Checks a remote ticket request: the phone, the rules that need no code (so that a
    /// refusal does not use the code up), then the code. The queue decides again in the commit.
    static func remoteTicketOrder(_ body: RemoteTicketRequest, _ state: AppState) throws(HTTPError)
        -> RemoteTicketOrder
    {
        let desk = state.appointments
        let phone = try desk.phone(body.phone)
        guard state.catalogue.published.service(id: body.serviceId) != nil else {
            throw HTTPError(.serviceNotFound, "no service item with id “\(body.serviceId)”")
        }
        let now = state.queue.clock()
        let order = RemoteTicketOrder(
            ticketId: Ticket.newId(at: now), serviceId: body.serviceId, phoneKey: desk.vault.key(for: phone),
            phoneSealed: desk.vault.seal(phone), checkInCode: BookingCode.make(),
            closesAt: state.queue.closing(onDayOf: now), nearAhead: desk.nearAhead)
        if let refusal = state.queue.read({ $0.remoteRefusal(order, at: now) }) {
            throw QueueFailure.refused(refusal).httpError
        }
        try desk.verify(body.code, phone: phone)
        return order
    }
}
