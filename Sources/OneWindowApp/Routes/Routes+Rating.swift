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
            let rating = RatingRequest(
                reference: reference, rating: body.rating, reasons: body.reasons ?? [], comment: body.comment)
            rate(state, rating, by: rater, actor: device.name) { result in
                responder.answer(result.map { EvaluationEnvelope(evaluation: $0) }, status: 201)
            }
        }
    }

    /// Submits a rating by any channel. A kiosk's try is refused while its ticket or the
    /// device is locked by wrong codes, and a wrong code (or a number that is no ticket) is
    /// counted; both happen on the commit thread, one command at a time, so parallel guesses
    /// cannot slip past the count.
    static func rate(
        _ state: AppState, _ rating: RatingRequest, by rater: Rater, actor: String,
        completion: @escaping @Sendable (Result<EvaluationView, QueueFailure>) -> Void
    ) {
        let attempts = state.codeAttempts
        state.queue.submit(
            { queue, now, _ throws(QueueError) in
                let reference = rating.reference
                var ticketKey = reference.uppercased()
                if case .kiosk = rater {
                    ticketKey = (queue.tickets[reference] ?? queue.ticket(numbered: reference))?.id ?? ticketKey
                    if let wait = attempts.lockedFor(ticket: ticketKey, device: actor) {
                        throw .evaluationCodeLocked(seconds: wait)
                    }
                }
                do throws(QueueError) {
                    let evaluation = try queue.evaluate(
                        ticket: reference, rating: rating.rating, reasons: rating.reasons, comment: rating.comment,
                        by: rater, workingDays: queue.catalogue.hall.workingDays, actor: actor, at: now)
                    return EvaluationView(
                        evaluation, number: queue.tickets[evaluation.ticketId]?.number, today: queue.day)
                } catch {
                    if case .kiosk = rater {
                        switch error {
                        case .evaluationCodeInvalid, .ticketNotFound:
                            attempts.recordFailure(ticket: ticketKey, device: actor)
                        default: break
                        }
                    }
                    throw error
                }
            }, completion: completion)
    }
}

/// A rating as any channel sends it.
struct RatingRequest: Sendable {
    /// The ticket's id, or (kiosk, pad) its number today.
    var reference: String
    var rating: Int
    var reasons: [String]
    var comment: String?
}
