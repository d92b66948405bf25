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

    /// The sign-in form; `problem` says why the last attempt failed.
    static func signIn(hall: Hall, problem: String? = nil) -> String {
        let alert = problem.map { "<p class=\"problem\" role=\"alert\">\(HTML.escape($0))</p>" } ?? ""
        let main = """
            <h1>大厅管理 登录</h1>
            <p>请输入管理员令牌（由 <code>onewindowd token create --role admin</code> 生成）。令牌只用于本次登录，\
            登录后浏览器只保存一个 8 小时有效的会话。</p>
            \(alert)
            <form class="sign-in" method="post" action="/manage/sign-in">
            <label for="token">管理员令牌</label>
            <input id="token" name="token" type="password" autocomplete="off" required spellcheck="false">
            <button type="submit">登录</button>
            </form>
            """
        return layout(hall: hall, title: "大厅管理登录", main: main, signedIn: false)
    }

    /// A form that could not be taken, with the way back.
    static func problem(hall: Hall, message: String) -> String {
        let main = """
            <h1>大厅管理</h1>
            <p class="problem" role="alert">\(HTML.escape(message))</p>
            <p><a href="/manage#reviews">返回大厅管理</a></p>
            """
        return layout(hall: hall, title: "大厅管理", main: main, signedIn: true)
    }

    /// The dashboard.
    static func render(_ board: ManageDashboard) -> String {
        let main = [
            "<h1>大厅管理 <span class=\"day\">\(HTML.escape(board.today))</span></h1>",
            "<p class=\"meta\">已登录：\(HTML.escape(board.device)) · 数据截至 \(clock(board)) · 刷新本页可更新。</p>",
            summary(board), waitingSection(board), servicesSection(board), trendSection(board),
            materialsSection(board), reviewsSection(board), downloads(board),
        ]
        return layout(hall: board.hall, title: "大厅管理", main: main.joined(separator: "\n"), signedIn: true)
    }

    static func layout(hall: Hall, title: String, main: String, signedIn: Bool) -> String {
        let signOut =
            signedIn
            ? "<form class=\"sign-out\" method=\"post\" action=\"/manage/sign-out\"><button type=\"submit\">退出登录</button></form>"
            : ""
        return """
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>\(HTML.escape(title)) - \(HTML.escape(hall.name))</title>
            <style>
            \(ManageStyle.css)
            </style>
            </head>
            <body>
            <a class="skip" href="#main">跳到正文</a>
            <header class="site"><a class="hall" href="/">\(HTML.escape(hall.name))</a><span class="role">大厅管理</span>\(signOut)</header>
            <main id="main" tabindex="-1">
            \(main)
            </main>
            </body>
            </html>
            """
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

    static func section(_ id: String, _ title: String, _ body: String) -> String {
        "<section aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(HTML.escape(title))</h2>\n\(body)\n</section>"
    }

    /// Today's figures as a row of tiles.
    static func summary(_ board: ManageDashboard) -> String {
        let t = board.todayFigures
        let m = board.month.metrics
        let tiles = [
            ("近30天一次办结率", oneVisit(m.cohort)), ("近30天首次办结率", percent(m.firstVisitResolutionRate)),
            ("当前等候", "\(board.waitingNow) 人"), ("今日取号", "\(t.ticketsIssued)"), ("今日办理", "\(t.visitsServed) 人次"),
            ("今日等候中位数", t.waitSeconds.median.map { "\(($0 + 30) / 60) 分钟" } ?? "—"),
            ("今日过号", "\(t.noShows)"), ("近30天满意率", percent(m.satisfaction.satisfiedShare)),
            ("差评未整改", "\(m.satisfaction.badOpen)（超期 \(m.satisfaction.badOverdue)）"),
        ]
        let items = tiles.map { "<div><dt>\(HTML.escape($0.0))</dt><dd>\(HTML.escape($0.1))</dd></div>" }
        return "<dl class=\"tiles\">\n\(items.joined(separator: "\n"))\n</dl>"
    }

    static func downloads(_ board: ManageDashboard) -> String {
        let yesterday = WorkingDays.date(board.today).map { WorkingDays.text($0.addingTimeInterval(-86_400)) }
        var links = ["<li><a href=\"/manage/daily.csv?date=\(board.today)\">今日日报（CSV，\(board.today)）</a></li>"]
        if let yesterday {
            links.append("<li><a href=\"/manage/daily.csv?date=\(yesterday)\">昨日日报（CSV，\(yesterday)）</a></li>")
        }
        return section(
            "downloads", "下载",
            "<ul>\n\(links.joined(separator: "\n"))\n</ul>\n<p class=\"meta\">每个事项一行，可用 Excel 或 WPS 打开。</p>")
    }
}
