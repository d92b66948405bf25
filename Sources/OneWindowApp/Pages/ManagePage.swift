import Foundation
import OneWindowCore

/// `/manage`: the hall manager's page (大厅管理). Server-drawn, no script at all; it has its own
/// layout (wider than the applicant pages, no 长者模式 or print footer) and its own security
/// policy without any `script-src`.
enum ManagePage {
    /// No script, no framing, forms only to this site.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
        + "base-uri 'none'; frame-ancestors 'none'"

    /// A form that could not be taken, with the way back.
    static func problem(hall: Hall, message: String) -> String {
        let main = Markup.group {
            Markup.h1 { "大厅管理" }
            Markup.p(.class("problem"), Attribute("role", "alert")) { message }
            Markup.p { Markup.a(href: "/manage#reviews") { "返回大厅管理" } }
        }
        return layout(hall: hall, title: "大厅管理", main: main, signedIn: true)
    }

    /// The dashboard.
    static func render(_ board: ManageDashboard) -> String {
        let main = Markup.group {
            Markup.h1 {
                "大厅管理 "; Markup.span(.class("day")) { board.today }
            }
            Markup.p(.class("meta")) { "已登录：\(board.device) · 数据截至 \(clock(board)) · 刷新本页可更新。" }
            summary(board)
            waitingSection(board)
            channelsSection(board)
            servicesSection(board)
            trendSection(board)
            materialsSection(board)
            reviewsSection(board)
            downloads(board)
        }
        return layout(hall: board.hall, title: "大厅管理", main: main, signedIn: true)
    }

    static func layout(hall: Hall, title: String, main: Markup, signedIn: Bool) -> String {
        layout(
            site: hall.name, home: "/", role: "大厅管理", signOut: "/manage/sign-out", title: title, main: main,
            signedIn: signedIn)
    }

    /// The page around `main`: `site` (a link to `home`) and `role` in the header, with a
    /// sign-out button posting to `signOut` while signed in. `/city` has the same frame.
    /// - Parameter indexed: whether search engines may list the page (a public page); else `noindex`.
    static func layout(
        site: String, home: SafeURL, role: String, signOut: SafeURL, title: String, main: Markup, signedIn: Bool,
        indexed: Bool = false
    ) -> String {
        Markup.document(
            .element("html", [Attribute("lang", "zh-CN")]) {
                Markup.newline
                Markup.element("head") {
                    Markup.headStart
                    if !indexed {
                        Markup.void("meta", [Attribute("name", "robots"), Attribute("content", "noindex")])
                        Markup.newline
                    }
                    Markup.element("title") { "\(title) - \(site)" }
                    Markup.newline
                    Markup.element("style") { Markup.resource(.manageStyle) }
                    Markup.newline
                }
                Markup.newline
                Markup.element("body") {
                    Markup.newline
                    Markup.a(href: "#main", .class("skip")) { "跳到正文" }
                    Markup.newline
                    Markup.element("header", [.class("site")]) {
                        Markup.a(href: home, .class("hall")) { site }
                        Markup.span(.class("role")) { role }
                        if signedIn {
                            Markup.element(
                                "form", [.class("sign-out"), Attribute("method", "post"), .action(signOut)]
                            ) {
                                Markup.element("button", [Attribute("type", "submit")]) { "退出登录" }
                            }
                        }
                    }
                    Markup.newline
                    Markup.element("main", [.id("main"), Attribute("tabindex", "-1")]) {
                        Markup.newline; main; Markup.newline
                    }
                    Markup.newline
                }
                Markup.newline
            })
    }

    /// `HH:mm` hall-local of the board's moment.
    static func clock(_ board: ManageDashboard) -> String {
        time(board.secondsIntoDay(board.now))
    }

    /// `HH:mm` of seconds into a day.
    static func time(_ seconds: Double) -> String {
        let minutes = max(0, Int(seconds / 60))
        return String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    static func percent(_ share: Double?) -> String {
        share.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
    }

    /// The cohort's one-visit rate, never alone: with its cases still open beside it
    /// (“62.5% · 23 件仍在办”), as those may yet need another trip.
    static func oneVisit(_ cohort: HallMetrics.Cohort) -> String {
        "\(percent(cohort.oneVisitRate)) · \(cohort.open) 件仍在办"
    }

    static func section(_ id: String, _ title: String, @MarkupBuilder _ body: () -> Markup) -> Markup {
        .section(Attribute("aria-labelledby", id)) {
            Markup.h2(.id(id)) { title }
            body()
        }
    }

    /// Today's figures as a row of tiles.
    static func summary(_ board: ManageDashboard) -> Markup {
        let t = board.todayFigures
        let m = board.month.metrics
        let tiles = [
            ("近30天一次办结率", oneVisit(m.cohort)), ("近30天首次办结率", percent(m.firstVisitResolutionRate)),
            ("当前等候", "\(board.waitingNow) 人"), ("今日取号", "\(t.ticketsIssued)"), ("今日办理", "\(t.visitsServed) 人次"),
            ("今日等候中位数", medianWait(t.waitSeconds)),
            ("今日过号", "\(t.noShows)"), ("近30天满意率", percent(m.satisfaction.satisfiedShare)),
            ("差评未整改", "\(m.satisfaction.badOpen)（超期 \(m.satisfaction.badOverdue)）"),
        ]
        return .element("dl", [.class("tiles")]) {
            for (term, value) in tiles {
                Markup.element("div") {
                    Markup.dt { term }; Markup.dd { value }
                }
            }
        }
    }

    /// Today's median wait, or 样本不足 with the count while fewer tickets were called than the
    /// disclosure publishes a median for: the morning's first 3 waits are not the day's.
    static func medianWait(_ waits: Distribution) -> String {
        guard let median = waits.median else { return "—" }
        guard waits.count >= Disclosure.minimumWaits else { return "样本不足（\(waits.count) 人次）" }
        return "\((median + 30) / 60) 分钟"
    }

    static func downloads(_ board: ManageDashboard) -> Markup {
        let yesterday = WorkingDays.date(board.today).map { WorkingDays.text($0.addingTimeInterval(-86_400)) }
        return section("downloads", "下载") {
            Markup.ul {
                Markup.li {
                    Markup.a(href: .path("manage", "daily.csv", query: "date=\(HTML.urlComponent(board.today))")) {
                        "今日日报（CSV，\(board.today)）"
                    }
                }
                if let yesterday {
                    Markup.li {
                        Markup.a(href: .path("manage", "daily.csv", query: "date=\(HTML.urlComponent(yesterday))")) {
                            "昨日日报（CSV，\(yesterday)）"
                        }
                    }
                }
            }
            Markup.p(.class("meta")) { "每个事项一行，可用 Excel 或 WPS 打开。" }
        }
    }
}
