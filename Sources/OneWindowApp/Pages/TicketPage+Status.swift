import Foundation
import OneWindowCore

extension TicketPage {
    /// Estimates this short or shorter: the applicant should stay in the hall.
    static let stayNearSeconds = 15 * 60
    /// How long before the estimated turn the applicant is asked to be back.
    static let comeBackMarginSeconds = 10 * 60

    /// What the ticket's state means for the applicant, in plain words.
    /// A case settled since (closed by a later visit, or cancelled) replaces any "come back".
    static func statusSection(
        _ ticket: TicketView, clock: HallClock, closesAt: Date? = nil, followUp: FollowUp = FollowUp()
    ) -> Markup {
        .section(.class("status \(ticket.status)"), Attribute("aria-label", "办理状态")) {
            if let settled = settledSince(ticket, followUp) {
                settled
            } else {
                current(ticket, clock: clock, closesAt: closesAt, followUp: followUp)
            }
        }
    }

    private static func current(_ ticket: TicketView, clock: HallClock, closesAt: Date?, followUp: FollowUp) -> Markup {
        .group {
            switch Ticket.Status(rawValue: ticket.status) {
            case .waiting: waiting(ticket, clock: clock, closesAt: closesAt)
            case .called:
                Markup.p(.class("headline")) {
                    "请到 "
                    Markup.strong { ticket.windowName ?? ticket.window.map { "\($0)号窗口" } ?? "窗口" }
                    " 办理"
                }
                Markup.p {
                    ticket.callCount > 1 ? "已叫号 \(ticket.callCount) 次，" : ""
                    "请带好材料尽快前往。多次叫号未到将视为过号，需要重新取号。"
                }
            case .completed: ended(ticket, followUp)
            case .noShow:
                Markup.p(.class("headline")) { "已过号" }
                Markup.p { "叫号 \(ticket.callCount) 次您都没有到窗口，这个号码已失效。如仍需办理，请重新取号。" }
            case .expired:
                Markup.p(.class("headline")) { "已过期" }
                Markup.p { "到当天办公结束时这个号码还没有办理，已失效。请在办公时间重新取号。" }
            case nil: Markup.p(.class("headline")) { "请到大厅咨询台询问" }
            }
        }
    }

    private static func waiting(_ ticket: TicketView, clock: HallClock, closesAt: Date?) -> Markup {
        let ahead =
            ticket.ahead == 0
            ? Markup.p(.class("headline")) { "下一位就是您" }
            : Markup.p(.class("headline")) {
                "前面还有 "; Markup.strong { "\(ticket.ahead)" }; " 人"
            }
        guard let seconds = ticket.estimatedWaitSeconds, let minutes = ticket.estimatedWaitMinutes else {
            return .group {
                ahead; Markup.p { "现在没有开放的窗口办理这个事项，请向大厅工作人员询问。" }
            }
        }
        let estimate = Markup.p {
            "预计等候约 "
            Markup.strong { "\(minutes)" }
            " 分钟（约 \(clock.time(in: seconds)) 轮到您）。"
        }
        let advice: Markup
        if let closesAt, clock.now.addingTimeInterval(Double(seconds)) >= closesAt {
            // Past closing time a ticket expires: nobody is sent away to come back too late.
            advice = .p(.class("advice")) {
                "按目前的进度，轮到您时可能已过今天的办公时间（\(clock.time(closesAt)) 截止）。"
                "请留在大厅内，并向工作人员确认今天能否办理。"
            }
        } else if seconds <= stayNearSeconds || ticket.ahead == 0 {
            advice = .p(.class("advice")) { "很快就轮到您，请留在大厅内，留意显示屏和广播叫号。" }
        } else {
            let back = clock.time(in: seconds - comeBackMarginSeconds)
            advice = .p(.class("advice")) {
                "您可以先离开一会儿，请在 "
                Markup.strong { back }
                " 前回到大厅等候叫号。前面的人办得快时会提前叫到您，本页会随时更新。"
            }
        }
        return .group {
            ahead; estimate; advice
        }
    }

    private static func ended(_ ticket: TicketView, _ followUp: FollowUp) -> Markup {
        let (headline, text) =
            switch ticket.outcome {
            case "accepted": ("已受理", "您的申请已受理，后续办理不需要再来大厅。")
            case "rejected": ("不予受理", "原因见窗口出具的告知书。")
            default: ("已办结", "本次业务已办理完毕。")
            }
        return .group {
            if ticket.outcome == "needs_more" {
                needsMore(ticket, followUp)
            } else {
                Markup.p(.class("headline")) { headline }
                Markup.p { text }
            }
            Markup.p { "欢迎为本次服务评价（好差评）：在本页、窗口评价器上，或在大厅自助机输入号码和凭条上的评价码。" }
        }
    }
}
