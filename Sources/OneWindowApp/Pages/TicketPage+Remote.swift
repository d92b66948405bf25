import Foundation
import OneWindowCore

extension TicketPage {
    /// A remote ticket's (线上取号) part of its page: until its holder checks in at a kiosk it is
    /// not called, so the page says so first and gives the check-in code with its QR code for
    /// the kiosk's scanner; once checked in, that it will be called in its place.
    static func remoteSection(_ ticket: TicketView) -> Markup {
        guard ticket.channel == Ticket.Channel.remote.rawValue, ticket.status == Ticket.Status.waiting.rawValue else {
            return .empty
        }
        guard let code = ticket.checkInCode else {
            return .section(.class("remote"), Attribute("aria-label", "线上取号")) {
                Markup.p { "线上取号，已在大厅签到：将按取号顺序叫号，请留意显示屏和广播。" }
            }
        }
        return .section(.class("remote"), Attribute("aria-label", "签到")) {
            Markup.p(.class("advice")) {
                Markup.strong { "尚未签到：签到前不会叫到您的号。" }
                "到大厅后请在自助机选择“预约签到”，输入签到码或扫描下方二维码，之后按取号顺序叫号。"
            }
            Markup.p(.class("case")) {
                "签到码："
                Markup.span(.class("code")) { code }
            }
            if let qr = QRCode(text: code) { Markup.p { qr.svg(label: "签到码 \(code) 的二维码") } }
        }
    }
}
