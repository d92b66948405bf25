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
    static func render(
        _ ticket: TicketView, hall: Hall, now: Date, autoRefresh: Bool = true, closesAt: Date? = nil,
        rating: Rating? = nil
    ) -> String {
        let open = ticket.status == Ticket.Status.waiting.rawValue || ticket.status == Ticket.Status.called.rawValue
        let refreshing = open && autoRefresh
        let clock = HallClock(timeZone: hall.timeZone, now: now)
        let priority = ticket.priority ? " <span class=\"tag\">优先</span>" : ""
        let service = ticket.serviceName.map(HTML.escape) ?? "办事"
        var main = """
            <p class="kicker">排队进度</p>
            <h1 class="ticket"><span class="label">您的号码</span> <span class="number">\(HTML.escape(ticket.number))</span></h1>
            <p class="service">\(service)\(priority)</p>
            \(statusSection(ticket, clock: clock, closesAt: closesAt))

            """
        if let rating { main += ratingSection(ticket, rating) + "\n" }
        if let caseId = ticket.caseId {
            let visit = ticket.visit.map { "（第 \($0) 次到大厅）" } ?? ""
            main += "<p class=\"case\">办件编号：<span class=\"code\">\(HTML.escape(caseId))</span>\(visit)</p>\n"
        }
        let path = "/t/" + HTML.escape(HTML.urlComponent(ticket.id))
        let updated =
            !open
            ? ""
            : refreshing
                ? " · 本页每 \(refreshSeconds) 秒自动刷新（<a href=\"\(path)?refresh=off\">停止自动刷新</a>）"
                : " · <a href=\"\(path)?refresh=off\">刷新</a> · <a href=\"\(path)\">恢复自动刷新</a>"
        main += """
            <p class="updated">更新于 \(clock.time(now, seconds: true))\(updated)</p>
            <p><a href="/guides/\(HTML.escape(HTML.urlComponent(ticket.serviceId)))">查看该事项的办事指南和所需材料</a></p>
            """
        let refresh = refreshing ? "<meta http-equiv=\"refresh\" content=\"\(refreshSeconds)\">\n" : ""
        return shell(
            hall: hall, title: "\(ticket.number) 排队进度", description: "排队号码 \(ticket.number) 的办理进度",
            head: refresh, main: main)
    }

    /// The 404 page for an id no ticket has.
    static func notFound(hall: Hall) -> String {
        let main = """
            <h1>未找到该号码</h1>
            <p>这个排队号码的链接不完整或有误。请重新扫描取号凭条上的二维码，或到大厅咨询台询问。</p>
            <p><a href="/">返回首页</a>查看办事指南。</p>
            """
        return shell(hall: hall, title: "未找到该号码", description: "未找到该排队号码。", head: "", main: main)
    }

    /// The page around `main` (already HTML): the hall's name, the content, the hall's address.
    /// Ticket pages are nobody's search result: `noindex`.
    private static func shell(hall: Hall, title: String, description: String, head: String, main: String) -> String {
        var footer: [String] = []
        if hall.address != PublicText.askAtWindow { footer.append("<p>地址：\(HTML.escape(hall.address))</p>") }
        if hall.hours != PublicText.askAtWindow { footer.append("<p>办公时间：\(HTML.escape(hall.hours))</p>") }
        footer.append("<p>叫号以大厅显示屏和广播为准。</p>")
        return """
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="description" content="\(HTML.escape(description))">
            <meta name="robots" content="noindex">
            \(head)<title>\(HTML.escape(title)) - \(HTML.escape(hall.name))</title>
            <style>\(css)</style>
            </head>
            <body>
            <a class="skip" href="#main">跳到正文</a>
            <header><a href="/">\(HTML.escape(hall.name))</a></header>
            <main id="main" tabindex="-1">
            \(main)
            </main>
            <footer>
            \(footer.joined(separator: "\n"))
            </footer>
            </body>
            </html>
            """
    }
}
