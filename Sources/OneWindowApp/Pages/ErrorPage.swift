import Foundation
import OneWindowCore
import OneWindowHTTP

/// The page a person gets when a page route fails: what happened in plain words, and a way on.
/// The API's JSON errors are for programs; a link opened from a chat must never show one.
public enum ErrorPage {
    /// Renders the page for `error`; the technical message is not shown, the code is kept in a comment.
    public static func render(hall: Hall, error: HTTPError) -> String {
        let (title, explanation) = wording(error.status)
        let main = Markup.group {
            Markup.h1 { title }
            Markup.p { explanation }
            Markup.p {
                "可以在下面搜索办事事项，或"; Markup.a(href: "/") { "返回首页" }; "按分类查找，也可以到大厅咨询台询问。"
            }
            HomePage.searchForm(query: nil)
            Markup.comment(error.code.name)
        }
        let page = PageLayout.Page(title: title, description: title, path: "/", mode: .standard)
        return PageLayout.render(hall: hall, page: page, main: main)
    }

    /// The HTML error reply of a page route, with the error's status.
    static func response(hall: Hall, error: HTTPError) -> Response {
        Response(
            status: error.status, headers: ["Content-Type": Response.htmlContentType, "Cache-Control": "no-store"],
            body: Data(render(hall: hall, error: error).utf8))
    }

    private static func wording(_ status: Int) -> (String, String) {
        switch status {
        case 404: ("未找到该页面", "您打开的链接可能已失效或输入有误。")
        case 405: ("无法这样打开本页", "本页只能在浏览器中直接打开。")
        case 403: ("无法完成这个操作", "请从本站的页面操作；其他网站的表单不能代您提交。")
        case 429: ("操作过于频繁", "请稍后再试。")
        case 400..<500: ("链接有误", "链接中的参数不正确，可能在复制或转发时被改动了。")
        default: ("服务暂时不可用", "请稍后再试。")
        }
    }
}
