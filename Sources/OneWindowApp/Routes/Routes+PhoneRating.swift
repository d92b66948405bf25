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
            guard let rating = form["rating"].flatMap(Int.init), (1...5).contains(rating) else {
                responder.send(redirect(page + "?problem=rating"))
                return
            }
            let reasons = EvaluationReason.all.map(\.id).filter { form["reason-" + $0] != nil }
            let comment = form["comment"].map { String($0.prefix(500)) }
            let request = RatingRequest(reference: id, rating: rating, reasons: reasons, comment: comment)
            rate(state, request, by: .phone, actor: "phone") { result in
                switch result {
                case .success: responder.send(redirect(page))
                case .failure(.refused(.reasonsRequired)): responder.send(redirect(page + "?problem=reasons"))
                case .failure(.refused(.alreadyEvaluated)): responder.send(redirect(page + "?problem=rated"))
                case .failure(.refused(.ticketNotFound)):
                    responder.send(
                        ticketPageResponse(TicketPage.notFound(hall: state.catalogue.published.hall), status: 404))
                case .failure(.refused): responder.send(redirect(page + "?problem=closed"))
                case .failure(let failure): responder.send(errorPage(state)(failure.httpError))
                }
            }
        }
    }

    private static func redirect(_ location: String) -> Response {
        Response(status: 303, headers: ["Location": location, "Cache-Control": "no-store"])
    }
}
