import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// `POST /t/{id}/evaluation`: the ticket page's rating form (channel `phone`). The ticket's
    /// unguessable id is the proof, so no token; a post from another site's page is refused.
    /// Post-redirect-get: the answer is a 303 back to the page, with `?problem=` when the rating
    /// was refused for something the applicant can fix.
    static func phoneRatingRoute(_ state: AppState) -> Route {
        Route.form("/t/{id}/evaluation", errorPage: errorPage(state)) { request, responder in
            guard FormOrigin.isSameSite(request) else {
                throw HTTPError(.crossSiteForm, "this form can be sent only from the ticket's own page")
            }
            let id = request.pathParameter("id")
            let form = try request.formValues()
            let page = "/t/" + HTML.urlComponent(id)
            // The form's fields take only the values its inputs send: anything else is a client
            // error, checked before anything about the ticket.
            let reasons = EvaluationReason.all.map(\.id).filter { form["reason-" + $0] != nil }
            if let odd = reasons.first(where: { form["reason-" + $0] != "on" }) {
                throw HTTPError(.malformedBody, "reason-\(odd) must be “on” when ticked")
            }
            let comment = form["comment"]
            // Counted in code points, as the OpenAPI document's maxLength counts; the form's
            // `maxlength` keeps a browser within it.
            guard (comment?.unicodeScalars.count ?? 0) <= 500 else {
                throw HTTPError(.malformedBody, "the comment is longer than 500 characters")
            }
            let rating = try form["rating"].map { text throws(HTTPError) in
                guard let rating = Int(text), (1...5).contains(rating) else {
                    throw HTTPError(.malformedBody, "rating must be 1 to 5")
                }
                return rating
            }
            guard state.queue.read({ $0.tickets[id] != nil }) else {
                responder.send(notFound(state))
                return
            }
            // No level chosen: the page says so (a browser's `required` usually prevents it).
            guard let rating else {
                responder.send(redirect(page + "?problem=rating"))
                return
            }
            let command = QueueCommand.evaluate(
                Rating(reference: id, rating: rating, reasons: reasons, comment: comment, by: .phone))
            state.queue.execute(command, by: "phone", answer: QueueOutcome.self) { result in
                switch result {
                case .success: responder.send(redirect(page))
                case .failure(.refused(.reasonsRequired)): responder.send(redirect(page + "?problem=reasons"))
                case .failure(.refused(.alreadyEvaluated)): responder.send(redirect(page + "?problem=rated"))
                case .failure(.refused(.ticketNotFound)): responder.send(notFound(state))
                case .failure(.refused): responder.send(redirect(page + "?problem=closed"))
                case .failure(let failure): responder.send(errorPage(state)(failure.httpError))
                }
            }
        }
    }

    private static func notFound(_ state: AppState) -> Response {
        ticketPageResponse(TicketPage.notFound(hall: state.catalogue.published.hall), status: 404)
    }

    private static func redirect(_ location: String) -> Response {
        Response(status: 303, headers: ["Location": location, "Cache-Control": "no-store"])
    }
}
