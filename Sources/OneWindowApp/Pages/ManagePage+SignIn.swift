import OneWindowCore

/// The sign-in form of `/manage`, and its form that `/city` shares.
extension ManagePage {
    /// The sign-in form; `problem` says why the last attempt failed.
    static func signIn(hall: Hall, problem: String? = nil) -> String {
        let main = Markup.group {
            Markup.h1 { "大厅管理 登录" }
            Markup.p {
                "请输入管理员令牌（由 "
                Markup.element("code") { "onewindowd token create --role admin" }
                " 生成）。令牌只用于本次登录，登录后浏览器只保存一个 8 小时有效的会话。"
            }
            signInForm(action: "/manage/sign-in", label: "管理员令牌", problem: problem)
        }
        return layout(hall: hall, title: "大厅管理登录", main: main, signedIn: false)
    }

    /// The token's form (a password field, posted once), after why the last attempt failed.
    static func signInForm(action: SafeURL, label: String, problem: String?) -> Markup {
        Markup.group {
            if let problem { Markup.p(.class("problem"), Attribute("role", "alert")) { problem } }
            Markup.element("form", [.class("sign-in"), Attribute("method", "post"), .action(action)]) {
                Markup.element("label", [Attribute("for", "token")]) { label }
                Markup.newline
                Markup.void(
                    "input",
                    [
                        .id("token"), Attribute("name", "token"), Attribute("type", "password"),
                        Attribute("autocomplete", "off"), .flag("required"), Attribute("spellcheck", "false"),
                    ])
                Markup.newline
                Markup.element("button", [Attribute("type", "submit")]) { "登录" }
            }
        }
    }
}
