import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// The rating route of the API: kiosks with the receipt's code, pads for their window.
    static func ratingRoute(_ state: AppState) -> Route {
        Route("POST", "/api/v1/tickets/{id}/evaluation", access: .rater, body: .json) { request, responder in
            let device = request.authorizedDevice
            let reference = request.pathParameter("id")
            let body = try request.decodeJSON(EvaluationRequest.self)
            guard (1...5).contains(body.rating) else {
                throw HTTPError(.malformedBody, "field “rating” must be 1 to 5")
            }
            let rater: Rater
            if device.role == DeviceRole.pad.rawValue, let window = device.window {
                rater = .pad(window: window)
            } else {
                // Kiosks, and admins at a kiosk: a ticket number alone is never enough.
                guard let code = body.code else {
                    throw HTTPError(
                        .evaluationCodeInvalid,
                        "a rating at a kiosk needs the evaluation code printed on the receipt, beside the number")
                }
                rater = .kiosk(hash: { EvaluationCode.hash(code, ticketId: $0) })
            }
            let rating = Rating(
                reference: reference, rating: body.rating, reasons: body.reasons ?? [], comment: body.comment,
                by: rater)
            let atKiosk: Bool
            if case .kiosk = rater { atKiosk = true } else { atKiosk = false }
            state.queue.execute(.evaluate(rating), by: device.name, answer: EvaluationEnvelope.self) { result in
                // A kiosk never learns the ticket's id: it opens the ticket's page.
                responder.answer(result.map { atKiosk ? $0.withoutTicketId() : $0 }, status: 201)
            }
        }
    }
}
