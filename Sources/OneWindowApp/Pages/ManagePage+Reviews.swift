import Foundation
import OneWindowCore

extension ManagePage {
    /// Bad reviews not yet visited back, overdue first, then by deadline: each with its visit's
    /// facts and a form for its next step (posted with the session's CSRF token, then back here).
    static func reviewsSection(_ board: ManageDashboard) -> Markup {
        let all = board.followUps
        guard !all.isEmpty else { return section("reviews", "差评整改") { Markup.p { "没有待跟进的差评。" } } }
        let late = all.filter(\.overdue).count
        let open = all.filter { $0.evaluation.rectifiedAt == nil }.count
        let more = all.count > reviewRows ? "下面列出最先到期的 \(reviewRows) 条。" : ""
        return section("reviews", "差评整改") {
            Markup.p {
                "\(open) 条差评尚未整改，其中 "
                Markup.strong { "\(late) 条已超过 \(Evaluation.rectifyWorkingDays) 个工作日的整改期限" }
                "；\(all.count - open) 条已整改、待回访。\(more)"
            }
            Markup.element("ol", [.class("reviews")]) { all.prefix(reviewRows).map { review($0, csrf: board.csrf) } }
        }
    }

    private static func review(_ item: ReviewFollowUp, csrf: String) -> Markup {
        let evaluation = item.evaluation
        let state = evaluation.followUpState ?? .pending
        let id = evaluation.id
        let facts: [(String, String)] = [
            ("票号", item.ticketNumber ?? "—"), ("事项", item.serviceName), ("窗口", item.windowName ?? "—"),
            ("办理终端", item.terminal ?? "—"), ("等候", item.waitMinutes.map { "\($0) 分钟" } ?? "—"),
            ("办理结果", item.outcome ?? "—"), ("缺少材料", item.missing.isEmpty ? "无" : item.missing.joined(separator: "、")),
            ("差评原因", reasons(evaluation)), ("评价内容", evaluation.comment ?? "（未填写）"),
            ("评价渠道", channelName(evaluation.channel)),
            ("评价", "\(Evaluation.levels[evaluation.rating] ?? "\(evaluation.rating)") · \(evaluation.hallDay)"),
            ("整改期限", evaluation.rectifyBy ?? "—"),
        ]
        let history = [
            evaluation.progressNote.map { ("整改进展", $0) }, evaluation.rectification.map { ("整改情况", $0) },
            evaluation.visitBackResult.map { ("回访结果", $0) },
        ].compactMap { $0 }
        return .li(.id("review-\(id)"), .class("review\(item.overdue ? " late" : "")")) {
            Markup.h3 {
                "\(id) "
                Markup.span(.class("state")) { state.name }
                if item.overdue { " "; Markup.element("strong", [.class("overdue")]) { "已超期" } }
            }
            Markup.element("dl", [.class("facts")]) {
                for (term, value) in facts + history {
                    Markup.element("div") {
                        Markup.dt { term }; Markup.dd { value }
                    }
                }
            }
            forms(evaluation, state: state, csrf: csrf)
        }
    }

    /// The reasons' labels, as the applicant chose them; "未说明" for ratings from before reasons.
    private static func reasons(_ evaluation: Evaluation) -> String {
        let labels = evaluation.reasons.map { EvaluationReason.named($0)?.label ?? $0 }
        return labels.isEmpty ? "未说明" : labels.joined(separator: "、")
    }

    private static func channelName(_ channel: EvaluationChannel) -> String {
        switch channel {
        case .pad: "窗口评价器"
        case .phone: "手机（票据二维码）"
        case .kiosk: "自助终端（评价码）"
        }
    }

    /// The forms for the steps the review can take now.
    private static func forms(_ evaluation: Evaluation, state: FollowUpState, csrf: String) -> Markup {
        let steps: [(step: String, label: String, button: String)] =
            switch state {
            case .pending, .inProgress:
                [("note", "整改进展", "记录进展"), ("rectified", "整改情况（做了什么）", "标记已整改")]
            case .rectified: [("visited_back", "回访结果（申请人的意见）", "标记已回访")]
            case .visitedBack: []
            }
        let forms = steps.map { step in
            let field = "\(evaluation.id)-\(step.step)"
            return Markup.element(
                "form",
                [.class("follow-up"), Attribute("method", "post"), .action(.path("manage", "reviews", evaluation.id))]
            ) {
                Markup.void(
                    "input", [Attribute("type", "hidden"), Attribute("name", "csrf"), Attribute("value", csrf)])
                Markup.void(
                    "input", [Attribute("type", "hidden"), Attribute("name", "step"), Attribute("value", step.step)])
                Markup.element("label", [Attribute("for", field)]) { step.label }
                Markup.newline
                Markup.void(
                    "input",
                    [
                        .id(field), Attribute("name", "text"), Attribute("type", "text"), .flag("required"),
                        Attribute("maxlength", "500"), Attribute("autocomplete", "off"),
                    ])
                Markup.newline
                Markup.element("button", [Attribute("type", "submit")]) { step.button }
            }
        }
        return .fragment(forms)
    }
}
