import OneWindowCore

/// The shell every applicant page shares: head, style, skip link, the hall's header and footer.
///
/// Pages are self-contained (one inline style, no external assets, no script element) so they
/// load on a slow phone, work on a kiosk browser and print as they look. The one line of
/// JavaScript, in `onbeforeprint` and the print button, only writes the print date and the
/// address into the printed footer; without it the page works and prints the same.
enum PageLayout {
    /// What a page needs besides its body.
    struct Page {
        /// Plain text, before the hall's name in `<title>`.
        var title: String
        /// Plain text for search engines and link previews.
        var description: String
        /// The page's own path and query, for the mode switch to come back to and the printed footer.
        var path: String
        var mode: PageMode
        /// When the content was last checked, for the printed footer; nil on pages without one.
        var updatedAt: String? = nil
    }

    /// Wraps `main` in a whole page.
    static func render(hall: Hall, page: Page, main: Markup) -> String {
        let htmlAttributes =
            page.mode == .large ? [Attribute("lang", "zh-CN"), .class("large")] : [Attribute("lang", "zh-CN")]
        return Markup.document(
            .element("html", htmlAttributes) {
                Markup.newline
                Markup.element("head") {
                    Markup.headStart
                    Markup.void("meta", [Attribute("name", "description"), Attribute("content", page.description)])
                    Markup.newline
                    Markup.element("title") { "\(page.title) - \(hall.name)" }
                    Markup.newline
                    Markup.element("style") {
                        Markup.resource(.pageScreenStyle); Markup.resource(.pagePhoneStyle)
                        Markup.resource(.pageLargeStyle); Markup.resource(.pagePrintStyle)
                    }
                    Markup.raw("<noscript><style>.print-button{display:none}</style></noscript>\n")
                }
                Markup.newline
                Markup.element("body", [.handler("onbeforeprint", printDateHandler)]) {
                    Markup.newline
                    Markup.a(href: "#main", .class("skip")) { "跳到正文" }
                    Markup.newline
                    Markup.element("header", [.class("site")]) {
                        Markup.a(href: "/", .class("hall")) { hall.name }
                        if let nameEn = hall.nameEn {
                            " "
                            Markup.span(.class("en"), Attribute("lang", "en")) { nameEn }
                        }
                        Markup.newline
                        PageMode.switchLink(from: page.mode, path: page.path)
                    }
                    Markup.newline
                    Markup.element("main", [.id("main"), Attribute("tabindex", "-1")]) {
                        Markup.newline; main; Markup.newline
                    }
                    Markup.newline
                    footer(hall, page)
                    Markup.newline
                }
                Markup.newline
            })
    }

    /// Fills the printed footer's date and full address; runs only when printing. A literal, so
    /// that it can be a handler; its hash is in the pages' Content-Security-Policy.
    static let printDateHandler: StaticString =
        "var d=document.getElementById('print-date');if(d){d.textContent=new Date().toLocaleDateString('zh-CN')};var u=document.getElementById('print-url');if(u){u.textContent=location.href}"

    /// The handler's text, for the policy's hash.
    static let printDateScript = printDateHandler.description

    private static func footer(_ hall: Hall, _ page: Page) -> Markup {
        .element("footer", [.class("site")]) {
            Markup.newline
            if hall.address != PublicText.askAtWindow {
                Markup.p {
                    "地址："; GuideText.typeset(hall.address)
                }
            }
            if hall.hours != PublicText.askAtWindow {
                Markup.p {
                    "办公时间："; GuideText.typeset(hall.hours)
                }
            }
            Markup.p { "办事指南内容以大厅窗口公示为准。" }
            Markup.p(.class("print-only print-footer")) {
                "本页网址："
                Markup.span(.id("print-url")) { page.path }
                " · "
                if let updatedAt = page.updatedAt { "内容核对日期：\(updatedAt) · " }
                "打印日期："
                Markup.span(.id("print-date")) { "见页眉" }
                " · 以窗口公示为准"
            }
            Markup.newline
        }
    }
}
