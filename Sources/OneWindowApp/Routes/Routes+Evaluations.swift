import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// 好差评: kiosks rate visits; the hall manager follows the bad reviews up.
    static func evaluations(_ state: AppState) -> [Route] {
        [
            Route("POST", "/api/v1/tickets/{id}/evaluation", access: .kiosk, body: .json) { request, responder in
                let device = request.authorizedDevice
                let reference = request.pathParameter("id")
                let body = try request.decodeJSON(EvaluationRequest.self)
                guard (1...5).contains(body.rating) else {
                    throw HTTPError(.malformedBody, "field “rating” must be 1 to 5")
                }
                state.queue.submit({ queue, now, _ throws(QueueError) in
                    let evaluation = try queue.evaluate(
                        ticket: reference, rating: body.rating, comment: body.comment,
                        workingDays: queue.catalogue.hall.workingDays, actor: device.name, at: now)
                    return EvaluationEnvelope(
                        evaluation: EvaluationView(
                            evaluation, number: queue.tickets[evaluation.ticketId]?.number, today: queue.day))
                }) { result in responder.answer(result, status: 201) }
            },
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
                state.queue.submit(lookup: StoredLookup(evaluationId: id)) { queue, now, found throws(QueueError) in
                    let evaluation = try queue.followUp(
                        found.evaluation, id: id, step: step, actor: device.name, at: now)
                    return EvaluationEnvelope(evaluation: EvaluationView(evaluation, number: nil, today: queue.day))
                } completion: { result in
                    responder.answer(result)
                }
            },
        ]
    }
}

struct EvaluationEnvelope: Encodable {
    var evaluation: EvaluationView
}

struct EvaluationList: Encodable {
    var evaluations: [EvaluationView]
}
