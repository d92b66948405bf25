import OneWindowCore

/// The page for a guide id the catalogue does not have; the server sends it with status 404.
public enum NotFoundPage {
    /// Renders the page; `message` is plain text saying what was not found.
    public static func render(hall: Hall, message: String) -> String {
        let main = """
            <h1>未找到该事项</h1>
            <p>\(HTML.escape(message))</p>
            <p>可以在下面重新搜索，或<a href="/">返回首页</a>按分类查找，也可以到大厅咨询台询问。</p>
            \(HomePage.searchForm(query: nil))
            """
        return PageLayout.render(hall: hall, title: "未找到该事项", main: main)
    }
}
