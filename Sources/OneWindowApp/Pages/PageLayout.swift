import OneWindowCore

/// The shell every applicant page shares: head, style, the hall's header and footer.
///
/// Pages are self-contained (one inline style, no external assets, no JavaScript) so they
/// load on a slow phone, work on a kiosk browser and print as they look.
enum PageLayout {
    /// Wraps `main`, which must already be HTML, in a whole page. `title` is plain text.
    static func render(hall: Hall, title: String, main: String) -> String {
        let hallName = HTML.escape(hall.name)
        let nameEn = hall.nameEn.map { " <span class=\"en\" lang=\"en\">\(HTML.escape($0))</span>" } ?? ""
        return """
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title)) - \(hallName)</title>
            <style>
            \(PageStyle.css)
            </style>
            </head>
            <body>
            <header class="site"><a href="/">\(hallName)</a>\(nameEn)</header>
            <main>
            \(main)
            </main>
            <footer class="site">
            <p>地址：\(HTML.escape(hall.address))</p>
            <p>办公时间：\(HTML.escape(hall.hours))</p>
            </footer>
            </body>
            </html>

            """
    }
}
