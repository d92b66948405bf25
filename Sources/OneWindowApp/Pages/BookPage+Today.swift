import Foundation
import OneWindowCore

/// 今日排队 (线上取号) on `/book`: offered on a service's step 2 while the hall is open and a
/// ticket taken now would be called before closing; then the same number and code steps as a
/// booking, and the ticket with its check-in code. The forms carry `today=1` instead of a slot.
extension BookPage {
    /// What a ticket taken now would face: the people ahead and the minutes told.
    struct TodayOffer {
        var ahead: Int
        var minutes: Int?
    }

    /// The offer on step 2, above the slots; nothing when no ticket can be taken now.
    static func todayOffer(_ service: ServiceItem, _ offer: TodayOffer?) -> Markup {
        guard let offer else { return .empty }
        return .section(.class("today"), Attribute("aria-labelledby", "today")) {
            Markup.h2(.id("today")) { "今日排队（线上取号）" }
            Markup.p {
                "不想预约？现在取号：前面 \(offer.ahead) 人"
                offer.minutes.map { "，预计等候约 \($0) 分钟" } ?? ""
                "。到大厅后在自助机“预约签到”签到，签到后按取号顺序叫号；签到前不会叫到您的号。每个手机号每天限取一个。"
            }
            Markup.p {
                Markup.a(href: todayLink(service), .class("button")) { "今日排队" }
            }
        }
    }

    /// 今日排队's number step.
    static func todayPhone(hall: Hall, service: ServiceItem, problem: String?, mode: PageMode) -> String {
        render(hall: hall, title: "今日排队：输入手机号", path: "/book", mode: mode) {
            Markup.h1 { "今日排队：输入手机号" }
            Markup.p { "线上取号 \(service.name)。验证码将发送到这个手机号，排队进度和叫号也发到这个号码。" }
            problemNote(problem)
            Markup.element("form", [.class("search"), Attribute("method", "post"), .action("/book/code")]) {
                todayFields(service)
                field("phone", label: "手机号（11 位）", type: "tel", value: "", autocomplete: "tel")
                Markup.element("button", [Attribute("type", "submit")]) { "获取验证码" }
            }
            back(service)
        }
    }

    /// 今日排队's code step.
    static func todayCode(hall: Hall, service: ServiceItem, phone: PhoneNumber, problem: String?, mode: PageMode)
        -> String
    {
        render(hall: hall, title: "今日排队：输入验证码", path: "/book", mode: mode) {
            Markup.h1 { "今日排队：输入验证码" }
            Markup.p { "验证码已发送到 \(phone.masked)，5 分钟内有效。线上取号 \(service.name)。" }
            problemNote(problem)
            Markup.element("form", [.class("search"), Attribute("method", "post"), .action("/book/confirm")]) {
                todayFields(service)
                hidden("phone", phone.digits)
                field("code", label: "6 位验证码", type: "text", value: "", autocomplete: "one-time-code")
                Markup.element("button", [Attribute("type", "submit")]) { "确认取号" }
            }
            back(service)
        }
    }

    /// The ticket taken: its number, place, page and check-in code with its QR code.
    static func todayTaken(hall: Hall, taken: RemoteTicketView, mode: PageMode) -> String {
        let ticket = taken.ticket
        return render(hall: hall, title: "取号成功", path: "/book", mode: mode) {
            Markup.h1 { "取号成功" }
            Markup.p { "请保存本页或短信。签到前不会叫到您的号：到大厅后请在自助机“预约签到”输入签到码或扫描下方二维码。" }
            Markup.element("dl", [.class("facts")]) {
                Markup.dt { "号码" }
                Markup.dd { Markup.strong { ticket.number } }
                Markup.dt { "事项" }
                Markup.dd { ticket.serviceName ?? ticket.serviceId }
                Markup.dt { "前面还有" }
                Markup.dd { "\(ticket.ahead) 人" + (ticket.estimatedWaitMinutes.map { "，预计等候约 \($0) 分钟" } ?? "") }
                Markup.dt { "签到码" }
                Markup.dd { Markup.strong { taken.checkInCode } }
            }
            if let qr = QRCode(text: taken.checkInCode) {
                Markup.p { qr.svg(label: "签到码 \(taken.checkInCode) 的二维码") }
            }
            Markup.p { Markup.a(href: SafeURL.path("t", ticket.id)) { "查看排队进度（可随时刷新）" } }
        }
    }

    static func todayLink(_ service: ServiceItem) -> SafeURL {
        SafeURL.path("book", query: "service=\(HTML.urlComponent(service.id))&today=1")
    }

    private static func todayFields(_ service: ServiceItem) -> Markup {
        .group {
            hidden("service", service.id)
            hidden("today", "1")
        }
    }
}
