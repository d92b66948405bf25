import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// 预约签到: a kiosk turns a booking code into a ticket, through the group commit.
    static func checkIn(_ state: AppState) -> [Route] {
        [
            Route("POST", "/api/v1/appointments/{code}/check-in", access: .kiosk, body: .json) { request, responder in
                let device = request.authorizedDevice
                if let wait = state.issueLimit.take(for: device.name) {
                    throw HTTPError(
                        .rateLimited, "device “\(device.name)” takes tickets too fast; wait \(wait) s",
                        headers: ["Retry-After": "\(wait)"])
                }
                let code = request.pathParameter("code").trimmingCharacters(in: .whitespaces)
                guard (1...64).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
                else {
                    throw HTTPError(.invalidParameter, "a booking code is 1 to 64 letters and digits")
                }
                let body = try request.decodeJSON(CheckInRequest.self)
                let id = Ticket.newId(at: state.clock())
                let seal = EvaluationCodeSeal(code: EvaluationCode.generate(), ticketId: id, hash: EvaluationCode.hash)
                let order = CheckInOrder(
                    code: code, ticketId: id, priority: body.priority ?? false, evaluationCode: seal)
                state.queue.execute(.checkIn(order), by: device.name, answer: CheckInView.self) { result in
                    responder.answer(result, status: 201)
                }
            }
        ]
    }
}
