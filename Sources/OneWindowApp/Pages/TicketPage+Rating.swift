import Foundation
import OneWindowCore

extension TicketPage {
    /// Where the ticket is in being rated on the phone (好差评), for the page to show.
    enum Rating: Equatable {
        /// The visit ended today and is not rated yet: the form, with the last try's problem.
        case open(problem: String?)
        /// Rated already, by any channel.
        case done
    }

    /// What went wrong with the last post, by the `?problem=` the redirect carries.
    static let problems: [String: String] = [
        "reasons": "选择“不满意”或“非常不满意”时，请至少选择一项原因。",
        "rating": "请选择一个评价等级。",
        "rated": "这次办理已经评价过了，感谢您的评价。",
        "closed": "这个号码现在不能评价。",
    ]

    /// The rating form: five levels, the reasons for a bad rating, a comment. No script: the
    /// reasons are shown beside the levels and are read only with a rating of 1 or 2.
    static func ratingSection(_ ticket: TicketView, _ rating: Rating) -> String {
        guard case .open(let problem) = rating else {
            return "<section class=\"rating\" aria-label=\"评价\"><p>感谢您的评价（好差评）。</p></section>"
        }
        let path = "/t/" + HTML.escape(HTML.urlComponent(ticket.id)) + "/evaluation"
        let levels = (1...5).reversed().map { level in
            let label = HTML.escape(Evaluation.levels[level] ?? "\(level)")
            return "<label><input type=\"radio\" name=\"rating\" value=\"\(level)\" required> \(label)</label>"
        }
        let reasons = EvaluationReason.all.map { reason in
            "<label><input type=\"checkbox\" name=\"reason-\(HTML.escape(reason.id))\" value=\"on\"> "
                + "\(HTML.escape(reason.label))</label>"
        }
        let alert = problem.flatMap { problems[$0] }.map {
            "<p class=\"advice\" role=\"alert\">\(HTML.escape($0))</p>\n"
        }
        return """
            <section class="rating" aria-label="评价">
            <h2>为本次服务评价</h2>
            \(alert ?? "")<form method="post" action="\(path)">
            <fieldset><legend>评价等级</legend>
            \(levels.joined(separator: "\n"))
            </fieldset>
            <fieldset><legend>不满意的原因（选择“不满意”或“非常不满意”时必选，可多选）</legend>
            \(reasons.joined(separator: "\n"))
            </fieldset>
            <p><label>意见或建议（可不填）<br><input type="text" name="comment" maxlength="500"></label></p>
            <p><button type="submit">提交评价</button></p>
            </form>
            </section>
            """
    }
}
