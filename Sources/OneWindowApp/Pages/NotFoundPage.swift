import OneWindowCore

/// The page for a guide id the catalogue does not have; the server sends it with status 404.
public enum NotFoundPage {
    /// Renders the page; `message` is plain text saying what was not found.
    public static func render(hall: Hall, message: String, path: String = "/", mode: PageMode = .standard) -> String {
        let main = Markup.group {
            Markup.h1 { "未找到该事项" }
            Markup.p { message }
            Markup.p {
                "可以在下面重新搜索，或"; Markup.a(href: "/") { "返回首页" }; "按分类查找，也可以到大厅咨询台询问。"
            }
            HomePage.searchForm(query: nil)
        }
        let page = PageLayout.Page(title: "未找到该事项", description: "未找到该办事事项。", path: path, mode: mode)
        return PageLayout.render(hall: hall, page: page, main: main)
    }
}
