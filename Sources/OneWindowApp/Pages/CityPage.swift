import OneWindowCore

/// `/city`: the city office's page (全市大厅). Built as `/manage` is: server-drawn, no script,
/// the manager page's frame, style sheet and security policy, signed in with a city reader
/// token (`onewindow-city reader-add`) through `ManageSessions`.
package enum CityPage {
    package static let contentSecurityPolicy = ManagePage.contentSecurityPolicy
    static let role = "全市大厅"

    /// The sign-in form; `problem` says why the last attempt failed.
    package static func signIn(problem: String? = nil) -> String {
        let main = Markup.group {
            Markup.h1 { "全市大厅 登录" }
            Markup.p {
                "请输入读取令牌（由 "
                Markup.element("code") { "onewindow-city reader-add NAME" }
                " 生成）。令牌只用于本次登录，登录后浏览器只保存一个 8 小时有效的会话。"
            }
            ManagePage.signInForm(action: "/city/sign-in", label: "读取令牌", problem: problem)
        }
        return layout(title: "全市大厅登录", main: main, signedIn: false)
    }

    /// The board: halls side by side, services by first-visit resolution, the materials most
    /// often missing, the overdue bad reviews.
    package static func render(_ board: CityBoard) -> String {
        let main = Markup.group {
            Markup.h1 {
                "全市大厅 "; Markup.span(.class("day")) { "\(board.from) 至 \(board.to)" }
            }
            Markup.p(.class("meta")) { "已登录：\(board.device) · 共 \(board.halls.count) 个大厅 · 数据截至 \(board.today)。" }
            rangeForm(board)
            hallsSection(board)
            servicesSection(board)
            materialsSection(board)
            overdueSection(board)
        }
        return layout(title: "全市大厅", main: main, signedIn: true)
    }

    /// The range: two dates and a button; a GET form, so the range is in the URL to share.
    static func rangeForm(_ board: CityBoard) -> Markup {
        .element("form", [.class("range"), Attribute("method", "get"), .action("/city")]) {
            Markup.element("label", [Attribute("for", "from")]) { "从" }
            Markup.void(
                "input",
                [.id("from"), Attribute("name", "from"), Attribute("type", "date"), Attribute("value", board.from)])
            Markup.element("label", [Attribute("for", "to")]) { "至" }
            Markup.void(
                "input", [.id("to"), Attribute("name", "to"), Attribute("type", "date"), Attribute("value", board.to)])
            Markup.element("button", [Attribute("type", "submit")]) { "查看" }
        }
    }

    /// A form that could not be taken (a bad range), with the way back.
    package static func problem(_ message: String, signedIn: Bool = true) -> String {
        let main = Markup.group {
            Markup.h1 { "全市大厅" }
            Markup.p(.class("problem"), Attribute("role", "alert")) { message }
            Markup.p { Markup.a(href: "/city") { "返回全市大厅（近30天）" } }
        }
        return layout(title: "全市大厅", main: main, signedIn: signedIn)
    }

    static func layout(title: String, main: Markup, signedIn: Bool) -> String {
        ManagePage.layout(
            site: "全市", home: "/city", role: role, signOut: "/city/sign-out", title: title, main: main,
            signedIn: signedIn)
    }
}
