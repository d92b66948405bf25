import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// `/manage`'s forms that move a bad review on: the session cookie and its CSRF token,
    /// then POST-redirect-GET back to the review on the page.
    static func manageReviews(_ state: AppState, _ sessions: ManageSessions) -> [Route] {
        let errorPage = errorPage(state)
        return [
            // Answered after the step's group commit, through the responder: no worker waits.
            Route.form(
                "/manage/reviews/{id}", errorPage: errorPage,
                deferred: { request, responder in
                    let id = request.pathParameter("id").uppercased()
                    // Parse, then check: a broken or incomplete form is 400 whoever sends it.
                    let form = try request.formValues()
                    guard let text = form["text"] else {
                        throw HTTPError(.malformedBody, "the form needs its text field")
                    }
                    // Only the text may span lines. A missing CSRF token is the session's matter (403).
                    let csrf = form["csrf"] ?? ""
                    guard !csrf.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                        throw HTTPError(.malformedBody, "the form's csrf field has a control character")
                    }
                    let step: FollowUpStep
                    switch form["step"] {
                    case "note": step = .note(text)
                    case "rectified": step = .rectified(text)
                    case "visited_back": step = .visitedBack(text)
                    default: return responder.send(problemPage(state, "未知的整改步骤。", status: 400))
                    }
                    guard let session = try sessions.session(for: request) else {
                        return responder.send(
                            Response(status: 303, headers: ["Location": "/manage", "Cache-Control": "no-store"]))
                    }
                    guard !csrf.isEmpty, constantTimeEqual(csrf, session.csrf) else {
                        return responder.send(
                            problemPage(state, "这个表单已失效，请回到大厅管理页面重新提交。", status: 403))
                    }
                    state.queue.execute(
                        .followUp(evaluation: id, step: step), by: session.device, answer: QueueOutcome.self
                    ) { result in
                        responder.send { followUpAnswer(state, id: id, result) }
                    }
                })
        ]
    }

    /// Bad reviews not yet visited back, with their visits, in the page's order.
    static func followUps(_ state: AppState, today: String) -> [ReviewFollowUp] {
        let catalogue = state.catalogue.published
        let rows = (try? state.storage.badReviewsToFollowUp()) ?? []
        return rows.map { ReviewFollowUp($0.0, visit: $0.1, catalogue: catalogue, today: today) }
            .sorted(by: ReviewFollowUp.isBefore)
    }

    /// The page after the step's commit: back to the review, or why it was refused.
    private static func followUpAnswer(_ state: AppState, id: String, _ result: Result<QueueOutcome, QueueFailure>)
        -> Response
    {
        switch result {
        case .success:
            return Response(
                status: 303,
                headers: ["Location": "/manage#review-\(HTML.urlComponent(id))", "Cache-Control": "no-store"])
        case .failure(let failure):
            let (message, status) = Self.explain(failure)
            return problemPage(state, message, status: status)
        }
    }

    private static func explain(_ failure: QueueFailure) -> (String, Int) {
        switch failure {
        case .refused(.noteRequired): ("请填写内容后再提交。", 422)
        case .refused(.evaluationNotFound): ("没有这条评价。", 404)
        case .refused(.alreadyRectified): ("这条差评已经整改过了。", 409)
        case .refused(.notRectifiedYet): ("请先登记整改情况，再登记回访结果。", 409)
        case .refused(.alreadyVisitedBack): ("这条差评已经回访过了。", 409)
        case .refused(.notABadReview): ("这条评价不是差评，不需要整改。", 409)
        default: ("现在无法保存，请稍后再试。", 503)
        }
    }

    private static func problemPage(_ state: AppState, _ message: String, status: Int) -> Response {
        let hall = state.catalogue.published.hall
        return managePage(ManagePage.problem(hall: hall, message: message), status: status)
    }
}
