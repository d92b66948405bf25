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
    static func ratingSection(_ ticket: TicketView, _ rating: Rating) -> Markup {
        guard case .open(let problem) = rating else {
            return .section(.class("rating"), Attribute("aria-label", "评价")) { Markup.p { "感谢您的评价（好差评）。" } }
        }
        return .section(.class("rating"), Attribute("aria-label", "评价")) {
            Markup.h2 { "为本次服务评价" }
            if let alert = problem.flatMap({ problems[$0] }) {
                Markup.p(.class("advice"), Attribute("role", "alert")) { alert }
            }
            Markup.element("form", [Attribute("method", "post"), .action(.path("t", ticket.id, "evaluation"))]) {
                Markup.element("fieldset") {
                    Markup.element("legend") { "评价等级" }
                    for level in (1...5).reversed() {
                        Markup.newline
                        Markup.element("label") {
                            Markup.void(
                                "input",
                                [
                                    Attribute("type", "radio"), Attribute("name", "rating"),
                                    Attribute("value", "\(level)"), .flag("required"),
                                ])
                            " \(Evaluation.levels[level] ?? "\(level)")"
                        }
                    }
                }
                Markup.element("fieldset") {
                    Markup.element("legend") { "不满意的原因（选择“不满意”或“非常不满意”时必选，可多选）" }
                    for reason in EvaluationReason.all {
                        Markup.newline
                        Markup.element("label") {
                            Markup.void(
                                "input",
                                [
                                    Attribute("type", "checkbox"), Attribute("name", "reason-\(reason.id)"),
                                    Attribute("value", "on"),
                                ])
                            " \(reason.label)"
                        }
                    }
                }
                Markup.p {
                    Markup.element("label") {
                        "意见或建议（可不填）"
                        Markup.void("br")
                        Markup.void(
                            "input",
                            [Attribute("type", "text"), Attribute("name", "comment"), Attribute("maxlength", "500")])
                    }
                }
                Markup.p { Markup.element("button", [Attribute("type", "submit")]) { "提交评价" } }
            }
        }
    }
}
