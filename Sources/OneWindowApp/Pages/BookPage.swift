import Foundation
import OneWindowCore

/// `/book`: booking (预约) on a phone in five steps, without script: choose the service (its
/// materials and 常见缺件提醒 first), choose a day and a slot, enter the mobile number, enter
/// the code sent to it, get the booking code with its QR code. Each step is a page of its own;
/// the number goes only in form posts, never in a URL.
enum BookPage {
    /// Where the applicant is: the service and the slot chosen so far.
    struct Choice {
        var service: ServiceItem
        var day: String
        var start: ClockTime

        /// The hidden fields that carry the choice through the forms.
        var fields: Markup {
            .group {
                hidden("service", service.id)
                hidden("day", day)
                hidden("start", start.description)
            }
        }

        var title: String { "\(service.name)：\(day) \(start)" }
    }

    static func render(hall: Hall, title: String, path: String, mode: PageMode, @MarkupBuilder main: () -> Markup)
        -> String
    {
        let page = PageLayout.Page(title: title, description: "网上预约办理：选择事项和时段，用手机号验证后取得预约码。", path: path, mode: mode)
        return PageLayout.render(
            hall: hall, page: page,
            main: .group {
                steps(); main()
            })
    }

    /// Step 1: the services the hall books.
    static func services(hall: Hall, services: [ServiceItem], mode: PageMode) -> String {
        render(hall: hall, title: "预约办理", path: "/book", mode: mode) {
            Markup.h1 { "预约办理" }
            Markup.p { "第 1 步：选择要办理的事项。预约后请按时到大厅，在自助机上输入预约码或扫码签到。" }
            if services.isEmpty {
                Markup.p(.class("empty")) { "本大厅暂未开放网上预约，请到大厅现场取号。" }
            } else {
                Markup.ul(.class("services")) {
                    for service in services {
                        Markup.li {
                            Markup.a(href: SafeURL.path("book", query: "service=" + HTML.urlComponent(service.id))) {
                                service.name
                            }
                        }
                    }
                }
            }
        }
    }

    /// Step 3: the number, for a code.
    static func phone(hall: Hall, choice: Choice, problem: String?, mode: PageMode) -> String {
        render(hall: hall, title: "输入手机号", path: "/book", mode: mode) {
            Markup.h1 { "输入手机号" }
            Markup.p { "第 3 步：预约 \(choice.title)。验证码将发送到这个手机号，预约凭此号码查询和取消。" }
            problemNote(problem)
            Markup.element("form", [.class("search"), Attribute("method", "post"), .action("/book/code")]) {
                choice.fields
                field("phone", label: "手机号（11 位）", type: "tel", value: "", autocomplete: "tel")
                Markup.element("button", [Attribute("type", "submit")]) { "获取验证码" }
            }
            back(choice.service)
        }
    }

    /// Step 4: the code sent to the number (carried on in a hidden field).
    static func code(hall: Hall, choice: Choice, phone: PhoneNumber, problem: String?, mode: PageMode) -> String {
        render(hall: hall, title: "输入验证码", path: "/book", mode: mode) {
            Markup.h1 { "输入验证码" }
            Markup.p { "第 4 步：验证码已发送到 \(phone.masked)，5 分钟内有效。预约 \(choice.title)。" }
            problemNote(problem)
            Markup.element("form", [.class("search"), Attribute("method", "post"), .action("/book/confirm")]) {
                choice.fields
                hidden("phone", phone.digits)
                field("code", label: "6 位验证码", type: "text", value: "", autocomplete: "one-time-code")
                Markup.element("button", [Attribute("type", "submit")]) { "确认预约" }
            }
            back(choice.service)
        }
    }

    /// Step 5: the booking code, with its QR code for the kiosk's scanner.
    static func booked(hall: Hall, booking: BookingView, mode: PageMode) -> String {
        render(hall: hall, title: "预约成功", path: "/book", mode: mode) {
            Markup.h1 { "预约成功" }
            Markup.p { "第 5 步：请记下预约码，或保存本页。短信也已发送到 \(booking.phone)。" }
            Markup.element("dl", [.class("facts")]) {
                Markup.dt { "预约码" }
                Markup.dd { Markup.strong { booking.code } }
                Markup.dt { "事项" }
                Markup.dd { booking.serviceName ?? booking.serviceId }
                Markup.dt { "时段" }
                Markup.dd { "\(booking.day) \(booking.start)" }
                Markup.dt { "签到" }
                Markup.dd { "时段开始前 30 分钟至开始后 15 分钟内，在大厅自助机“预约签到”输入预约码或扫描下方二维码" }
            }
            if let qr = QRCode(text: booking.code) {
                Markup.p { qr.svg(label: "预约码 \(booking.code) 的二维码") }
            }
            Markup.p { "如需取消，请在时段开始前通过预约查询取消；多次预约不到将暂停预约资格。" }
        }
    }

    static func hidden(_ name: StaticString, _ value: String) -> Markup {
        .void("input", [Attribute("type", "hidden"), Attribute("name", name.description), Attribute("value", value)])
    }

    static func field(_ name: String, label: String, type: String, value: String, autocomplete: String)
        -> Markup
    {
        .group {
            Markup.element("label", [Attribute("for", name)]) { label }
            Markup.newline
            Markup.void(
                "input",
                [
                    Attribute("type", type), .id(name), Attribute("name", name), Attribute("value", value),
                    Attribute("inputmode", "numeric"), Attribute("autocomplete", autocomplete),
                    Attribute("maxlength", "20"), .flag("required"),
                ])
            Markup.newline
        }
    }

    static func problemNote(_ problem: String?) -> Markup {
        guard let problem else { return .empty }
        return .p(.class("missed"), Attribute("role", "alert")) { problem }
    }

    static func back(_ service: ServiceItem) -> Markup {
        .p(.class("back")) {
            Markup.a(href: SafeURL.path("book", query: "service=" + HTML.urlComponent(service.id))) { "‹ 重新选择时段" }
        }
    }

    /// The five steps, named, for orientation.
    private static func steps() -> Markup {
        .element("ol", [.class("meta"), Attribute("aria-label", "预约步骤")]) {
            for step in ["选择事项", "选择时段", "输入手机号", "输入验证码", "取得预约码"] { Markup.li { step } }
        }
    }
}
