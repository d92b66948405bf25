import OneWindowCore

/// The whole service guide (办事指南) of one item, laid out to be read on a phone or printed.
///
/// It opens with what an applicant acts on (the buttons and 办事一览), then follows the order
/// of a published guide, so an applicant who has seen one guide in the hall finds the same
/// thing in the same place here.
public enum GuidePage {
    /// Renders the guide of `item`; `catalogue` gives the hall and the windows that take the item.
    public static func render(item: ServiceItem, catalogue: Catalogue, mode: PageMode = .standard) -> String {
        let nameEn = item.nameEn.map { "<p class=\"en\" lang=\"en\">\(HTML.escape($0))</p>" } ?? ""
        let sections = [
            actions(item),
            summary(item, hall: catalogue.hall),
            section("受理条件", list(item.conditions, tag: "ul", empty: "无特别条件。")),
            materials(item.materials),
            forms(item.formDownloads),
            steps(item.steps),
            timeLimit(item.timeLimit),
            result(item.result),
            fee(item.fee),
            placeAndHours(item),
            windows(catalogue.windows(serving: item.id)),
            phones(item.phones),
            faq(item.faq),
            itemFacts(item),
            legalBasis(item.legalBasis),
        ]
        let main = """
            <p class="no-print back"><a href="/">← 全部办事事项</a></p>
            <article class="guide">
            <h1>\(HTML.escape(item.name))</h1>
            \(nameEn)
            \(sections.filter { !$0.isEmpty }.joined(separator: "\n"))
            <p class="updated">本指南内容核对日期：\(HTML.escape(item.updatedAt))</p>
            </article>
            """
        let page = PageLayout.Page(
            title: "\(item.name) 办事指南", description: description(item), path: "/guides/\(item.id)", mode: mode,
            updatedAt: item.updatedAt)
        return PageLayout.render(hall: catalogue.hall, page: page, main: main)
    }

    /// One sentence for search engines and chat link previews.
    static func description(_ item: ServiceItem) -> String {
        "\(item.name)办事指南：受理条件、\(item.materials.count)项申请材料、办理流程、时限、收费和办理地点；"
            + "\(GuideText.visits(item.visitsPromised))。"
    }

    /// A `<section>` with an `<h2>`; `body` must already be HTML. `id` makes it a link target.
    static func section(_ title: String, _ body: String, id: String? = nil, className: String? = nil) -> String {
        let idAttribute = id.map { " id=\"\($0)\"" } ?? ""
        let classAttribute = className.map { " class=\"\($0)\"" } ?? ""
        return "<section\(idAttribute)\(classAttribute)>\n<h2>\(HTML.escape(title))</h2>\n\(body)\n</section>"
    }

    /// Term–value pairs as a `<dl>`; both are plain text, the values typeset.
    static func facts(_ pairs: [(String, String)]) -> String {
        let rows = pairs.map { "<dt>\(HTML.escape($0.0))</dt><dd>\(GuideText.typeset($0.1))</dd>" }
        return "<dl class=\"facts\">\n\(rows.joined(separator: "\n"))\n</dl>"
    }

    /// Plain-text lines as a `ul` or `ol`, or a sentence when there are none.
    static func list(_ lines: [String], tag: String, empty: String) -> String {
        guard !lines.isEmpty else { return "<p>\(HTML.escape(empty))</p>" }
        let items = lines.map { "<li>\(GuideText.typeset($0))</li>" }
        return "<\(tag)>\n\(items.joined(separator: "\n"))\n</\(tag)>"
    }

    private static func steps(_ steps: [Step]) -> String {
        guard !steps.isEmpty else { return section("办理流程", "<p>到窗口提交材料即可。</p>") }
        let items = steps.map {
            "<li><strong>\(HTML.escape($0.title))</strong>：\(GuideText.typeset($0.description))</li>"
        }
        return section("办理流程", "<ol>\n\(items.joined(separator: "\n"))\n</ol>")
    }
}
