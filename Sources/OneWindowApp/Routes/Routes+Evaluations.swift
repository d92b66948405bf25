import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// 好差评: kiosks and pads rate visits (phones on the ticket page, `ticketPage`); the hall manager follows the bad reviews up.
    static func evaluations(_ state: AppState) -> [Route] {
        [
            ratingRoute(state),
            Route("GET", "/api/v1/evaluations", access: .admin, query: ["bad"]) { request in
                let bad: Bool?
                switch try request.queryValue("bad") {
                case nil: bad = nil
                case "true": bad = true
                case "false": bad = false
                case let other?: throw HTTPError(.invalidParameter, "bad must be true or false, found “\(other)”")
                }
                let today = state.queue.read(\.day)
                let list: [Evaluation]
                do {
                    list = try state.storage.evaluations(bad: bad)
                } catch {
                    throw HTTPError(.storageUnavailable, "the evaluations cannot be read now; try again")
                }
                return .json(
                    EvaluationList(evaluations: list.map { EvaluationView($0, number: nil, today: today) }),
                    headers: ["Cache-Control": "no-store"])
            },
            Route("POST", "/api/v1/evaluations/{id}/rectify", access: .admin, body: .json) { request, responder in
                let device = request.authorizedDevice
                let id = request.pathParameter("id").uppercased()
                let step = try request.decodeJSON(RectifyRequest.self).followUpStep()
                let command = QueueCommand.followUp(evaluation: id, step: step)
                state.queue.execute(command, by: device.name, answer: EvaluationEnvelope.self) { responder.answer($0) }
            },
        ]
    }
}

struct EvaluationEnvelope: Encodable {
    var evaluation: EvaluationView

    /// The same answer without the ticket's id, for a kiosk.
    func withoutTicketId() -> EvaluationEnvelope {
        var envelope = self
        envelope.evaluation.ticketId = nil
        return envelope
    }
}

struct EvaluationList: Encodable {
    var evaluations: [EvaluationView]
}
