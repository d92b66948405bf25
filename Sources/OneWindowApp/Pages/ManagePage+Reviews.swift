import Foundation
import OneWindowCore

extension ManagePage {
    /// Bad reviews not yet visited back, overdue first, then by deadline: each with its visit's
    /// facts and a form for its next step (posted with the session's CSRF token, then back here).
    static func reviewsSection(_ board: ManageDashboard) -> String {
        let all = board.followUps
        guard !all.isEmpty else { return section("reviews", "差评整改", "<p>没有待跟进的差评。</p>") }
        let late = all.filter(\.overdue).count
        let open = all.filter { $0.evaluation.rectifiedAt == nil }.count
        let items = all.prefix(reviewRows).map { review($0, csrf: board.csrf) }
        let more = all.count > reviewRows ? "下面列出最先到期的 \(reviewRows) 条。" : ""
        return section(
            "reviews", "差评整改",
            """
            <p>\(open) 条差评尚未整改，其中 <strong>\(late) 条已超过 \(Evaluation.rectifyWorkingDays) 个工作日的整改期限</strong>；\
            \(all.count - open) 条已整改、待回访。\(more)</p>
            <ol class="reviews">
            \(items.joined(separator: "\n"))
            </ol>
            """)
    }

    private static func review(_ item: ReviewFollowUp, csrf: String) -> String {
        let evaluation = item.evaluation
        let state = evaluation.followUpState ?? .pending
        let id = HTML.escape(evaluation.id)
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
        let list = (facts + history).map { "<div><dt>\(HTML.escape($0.0))</dt><dd>\(HTML.escape($0.1))</dd></div>" }
        let mark = item.overdue ? " <strong class=\"overdue\">已超期</strong>" : ""
        return """
            <li id="review-\(id)" class="review\(item.overdue ? " late" : "")">
            <h3>\(id) <span class="state">\(state.name)</span>\(mark)</h3>
            <dl class="facts">\(list.joined())</dl>
            \(forms(evaluation, state: state, csrf: csrf))
            </li>
            """
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
    private static func forms(_ evaluation: Evaluation, state: FollowUpState, csrf: String) -> String {
        let steps: [(step: String, label: String, button: String)] =
            switch state {
            case .pending, .inProgress:
                [("note", "整改进展", "记录进展"), ("rectified", "整改情况（做了什么）", "标记已整改")]
            case .rectified: [("visited_back", "回访结果（申请人的意见）", "标记已回访")]
            case .visitedBack: []
            }
        let id = HTML.escape(evaluation.id)
        return steps.map { step in
            let field = "\(id)-\(step.step)"
            return """
                <form class="follow-up" method="post" action="/manage/reviews/\(HTML.urlComponent(evaluation.id))">
                <input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
                <input type="hidden" name="step" value="\(step.step)">
                <label for="\(field)">\(HTML.escape(step.label))</label>
                <input id="\(field)" name="text" type="text" required maxlength="500" autocomplete="off">
                <button type="submit">\(HTML.escape(step.button))</button>
                </form>
                """
        }.joined(separator: "\n")
    }
}
