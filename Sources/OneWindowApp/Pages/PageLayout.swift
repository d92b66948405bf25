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

    /// Wraps `main`, which must already be HTML, in a whole page.
    static func render(hall: Hall, page: Page, main: String) -> String {
        let hallName = HTML.escape(hall.name)
        let nameEn = hall.nameEn.map { " <span class=\"en\" lang=\"en\">\(HTML.escape($0))</span>" } ?? ""
        let htmlClass = page.mode == .large ? " class=\"large\"" : ""
        return """
            <!doctype html>
            <html lang="zh-CN"\(htmlClass)>
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="description" content="\(HTML.escape(page.description))">
            <title>\(HTML.escape(page.title)) - \(hallName)</title>
            <style>
            \(PageStyle.css)
            </style>
            <noscript><style>.print-button{display:none}</style></noscript>
            </head>
            <body onbeforeprint="\(printDateScript)">
            <a class="skip" href="#main">跳到正文</a>
            <header class="site"><a class="hall" href="/">\(hallName)</a>\(nameEn)
            \(PageMode.switchLink(from: page.mode, path: page.path))</header>
            <main id="main" tabindex="-1">
            \(main)
            </main>
            \(footer(hall, page))
            </body>
            </html>
            """
    }

    /// Fills the printed footer's date and full address; runs only when printing.
    static let printDateScript =
        "var d=document.getElementById('print-date');if(d){d.textContent=new Date().toLocaleDateString('zh-CN')}"
        + ";var u=document.getElementById('print-url');if(u){u.textContent=location.href}"

    private static func footer(_ hall: Hall, _ page: Page) -> String {
        var lines: [String] = []
        if hall.address != PublicText.askAtWindow { lines.append("<p>地址：\(GuideText.typeset(hall.address))</p>") }
        if hall.hours != PublicText.askAtWindow { lines.append("<p>办公时间：\(GuideText.typeset(hall.hours))</p>") }
        lines.append("<p>办事指南内容以大厅窗口公示为准。</p>")
        let checked = page.updatedAt.map { "内容核对日期：\(HTML.escape($0)) · " } ?? ""
        let printed = """
            <p class="print-only print-footer">本页网址：<span id="print-url">\(HTML.escape(page.path))</span> · \
            \(checked)打印日期：<span id="print-date">见页眉</span> · 以窗口公示为准</p>
            """
        return "<footer class=\"site\">\n\(lines.joined(separator: "\n"))\n\(printed)\n</footer>"
    }
}
