import Foundation
import OneWindowCore

/// The public status page of one ticket (`/t/{id}`), which the QR code on the printed receipt
/// opens on an applicant's phone: the number, the service, how many are ahead, the estimated
/// wait and, once called, the window to go to.
///
/// No sign-in and no script: while the ticket waits or is called the page reloads itself every
/// 15 seconds (`<meta http-equiv="refresh">`), so it works in any phone browser, WeChat's
/// included. It tells the applicant when to be back, so they may step out meanwhile.
enum TicketPage {
    /// Seconds between reloads while the ticket is still open.
    static let refreshSeconds = 15

    /// - Parameter autoRefresh: false when the reader stopped the reloads (`?refresh=off`):
    ///   a reload every 15 s moves a screen reader back to the top, so the page offers to stop
    ///   it (WCAG 2.2.1) and to turn it back on.
    /// - Parameter closesAt: the hall's closing time today, if one is set: a wait that runs past
    ///   it is not an invitation to step out.
    /// - Parameter rating: the rating form or its thanks, once the visit ended today.
    /// - Parameter missed: 常见缺件提醒 of the service, shown while the ticket waits, so the
    ///   applicant checks those papers before the call.
    /// - Parameter followUp: the materials this visit found missing, the case's state now and
    ///   the open windows that serve the ticket.
    static func render(
        _ ticket: TicketView, hall: Hall, now: Date, autoRefresh: Bool = true, closesAt: Date? = nil,
        rating: Rating? = nil, missed: [(name: String, mark: String)] = [], followUp: FollowUp = FollowUp()
    ) -> String {
        let open = ticket.status == Ticket.Status.waiting.rawValue || ticket.status == Ticket.Status.called.rawValue
        let refreshing = open && autoRefresh
        let clock = HallClock(timeZone: hall.timeZone, now: now)
        let path = SafeURL.path("t", ticket.id)
        let main = Markup.group {
            Markup.p(.class("kicker")) { "排队进度" }
            Markup.newline
            Markup.h1(.class("ticket")) {
                Markup.span(.class("label")) { "您的号码" }
                " "
                Markup.span(.class("number")) { ticket.number }
            }
            Markup.newline
            Markup.p(.class("service")) {
                ticket.serviceName ?? "办事"
                if ticket.priority { " "; Markup.span(.class("tag")) { "优先" } }
            }
            Markup.newline
            remoteSection(ticket)
            statusSection(ticket, clock: clock, closesAt: closesAt, followUp: followUp)
            Markup.newline
            if ticket.status == Ticket.Status.waiting.rawValue { waitingPlace(followUp, hall: hall) }
            if open && !missed.isEmpty {
                Markup.section(Attribute("aria-label", "常见缺件提醒")) {
                    Markup.p { "叫号前请再核对这些材料：" }
                    Markup.ul {
                        for material in missed {
                            Markup.li {
                                Markup.strong { material.name }; "：\(material.mark)"
                            }
                        }
                    }
                }
            }
            if let rating { ratingSection(ticket, rating) }
            if let caseId = ticket.caseId {
                Markup.p(.class("case")) {
                    "办件编号："
                    Markup.span(.class("code")) { caseId }
                    ticket.visit.map { "（第 \($0) 次到大厅）" } ?? ""
                }
            }
            Markup.p(.class("updated")) {
                "更新于 \(clock.time(now, seconds: true))"
                if open && refreshing {
                    " · 本页每 \(refreshSeconds) 秒自动刷新（"
                    Markup.a(href: path.appending(query: "refresh=off")) { "停止自动刷新" }
                    "）"
                } else if open {
                    " · "
                    Markup.a(href: path.appending(query: "refresh=off")) { "刷新" }
                    " · "
                    Markup.a(href: path) { "恢复自动刷新" }
                }
            }
            Markup.newline
            Markup.p { Markup.a(href: .path("guides", ticket.serviceId)) { "查看该事项的办事指南和所需材料" } }
        }
        return shell(
            hall: hall, title: "\(ticket.number) 排队进度", description: "排队号码 \(ticket.number) 的办理进度",
            head: refreshing ? .refresh(seconds: refreshSeconds) : .empty, main: main)
    }

    /// The 404 page for an id no ticket has.
    static func notFound(hall: Hall) -> String {
        let main = Markup.group {
            Markup.h1 { "未找到该号码" }
            Markup.p { "这个排队号码的链接不完整或有误。请重新扫描取号凭条上的二维码，或到大厅咨询台询问。" }
            Markup.p {
                Markup.a(href: "/") { "返回首页" }; "查看办事指南。"
            }
        }
        return shell(hall: hall, title: "未找到该号码", description: "未找到该排队号码。", head: .empty, main: main)
    }

    /// The page around `main`: the hall's name, the content, the hall's address.
    /// Ticket pages are nobody's search result: `noindex`.
    private static func shell(hall: Hall, title: String, description: String, head: Markup, main: Markup) -> String {
        Markup.document(
            .element("html", [Attribute("lang", "zh-CN")]) {
                Markup.newline
                Markup.element("head") {
                    Markup.headStart
                    Markup.void("meta", [Attribute("name", "description"), Attribute("content", description)])
                    Markup.void("meta", [Attribute("name", "robots"), Attribute("content", "noindex")])
                    Markup.newline
                    head
                    Markup.element("title") { "\(title) - \(hall.name)" }
                    Markup.element("style") { Markup.resource(.ticketStyle) }
                    Markup.newline
                }
                Markup.newline
                Markup.element("body") {
                    Markup.newline
                    Markup.a(href: "#main", .class("skip")) { "跳到正文" }
                    Markup.element("header") { Markup.a(href: "/") { hall.name } }
                    Markup.element("main", [.id("main"), Attribute("tabindex", "-1")]) {
                        Markup.newline; main; Markup.newline
                    }
                    Markup.element("footer") {
                        if hall.address != PublicText.askAtWindow { Markup.p { "地址：\(hall.address)" } }
                        if hall.hours != PublicText.askAtWindow { Markup.p { "办公时间：\(hall.hours)" } }
                        Markup.p { "叫号以大厅显示屏和广播为准。" }
                    }
                    Markup.newline
                }
                Markup.newline
            })
    }
}
