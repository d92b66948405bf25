import Foundation
import OneWindowCore

extension TicketPage {
    /// What the page says beyond the ticket's own state, looked up by the route: the materials
    /// this visit found missing, the case's state now, the open windows that serve the ticket.
    /// Names from the catalogue only: nothing here names a clerk or carries a clerk's note.
    struct FollowUp: Equatable {
        /// The catalogue names of the materials missing at this visit (需补正).
        var missing: [String] = []
        /// The state of the ticket's case now, which a later visit or a cancel may have changed.
        var caseState: CaseRecord.State?
        /// The names of the open (not paused) windows that take the ticket's service.
        var windows: [String] = []
    }

    /// The case ended after this ticket without this ticket ending it: a needs_more visit
    /// followed by one that closed it, or a cancel. Such a receipt must not ask for a return.
    static func settledSince(_ ticket: TicketView, _ followUp: FollowUp) -> Markup? {
        guard let caseId = ticket.caseId, let state = followUp.caseState, state != .open else { return nil }
        let status = Ticket.Status(rawValue: ticket.status)
        let endedOpen = status == .completed && ticket.outcome == "needs_more"
        guard endedOpen || status == .noShow || status == .expired else { return nil }
        let (headline, text) =
            state == .cancelled
            ? ("该办件已撤销", "办件编号 \(caseId) 已撤销，不需要再为它到大厅。如有新的申请，请重新取号。")
            : ("该办件已办结", "办件编号 \(caseId) 已在之后的办理中办结，不需要再为它到大厅。")
        return .group {
            Markup.p(.class("headline")) { headline }
            Markup.p { text }
        }
    }

    /// 需补正: what to bring, by name, and the case number that continues the case at the kiosk.
    static func needsMore(_ ticket: TicketView, _ followUp: FollowUp) -> Markup {
        .group {
            Markup.p(.class("headline")) { "需要补正材料" }
            if !followUp.missing.isEmpty {
                Markup.p { "本次办理还缺少以下材料：" }
                Markup.ul(.class("missing")) {
                    for name in followUp.missing { Markup.li { name } }
                }
            }
            if let caseId = ticket.caseId {
                Markup.p {
                    "请备齐以上材料，下次带来。凭办件编号 \(caseId) 再次取号办理："
                    "在大厅自助机上输入办件编号 "
                    Markup.strong { caseId }
                    "，即可接着办理。"
                }
            } else {
                Markup.p { "请按窗口告知的清单把材料备齐，再次取号办理。" }
            }
        }
    }

    /// While waiting: the windows that may call the ticket, and where to wait (the hall, and its
    /// address where the catalogue gives one).
    static func waitingPlace(_ followUp: FollowUp, hall: Hall) -> Markup {
        let address = hall.address != PublicText.askAtWindow ? "（\(hall.address)）" : ""
        return .section(.class("place"), Attribute("aria-label", "办理窗口和等候地点")) {
            if !followUp.windows.isEmpty {
                Markup.p {
                    "办理窗口："
                    Markup.strong { followUp.windows.joined(separator: "、") }
                }
            }
            Markup.p { "等候地点：\(hall.name)\(address)，叫号以显示屏和广播为准。" }
        }
    }
}
