import OneWindowCore

/// The whole service guide (办事指南) of one item, laid out to be read on a phone or printed.
///
/// Its sections follow the order of a published guide, so an applicant who has seen one
/// guide in the hall finds the same thing in the same place here.
public enum GuidePage {
    /// Renders the guide of `item`; `catalogue` gives the hall and the windows that take the item.
    public static func render(item: ServiceItem, catalogue: Catalogue) -> String {
        let nameEn = item.nameEn.map { "<p class=\"en\" lang=\"en\">\(HTML.escape($0))</p>" } ?? ""
        let sections = [
            summary(item),
            section("受理条件", list(item.conditions, tag: "ul", empty: "无特别条件。")),
            materials(item.materials),
            steps(item.steps),
            timeLimit(item.timeLimit),
            fee(item.fee),
            legalBasis(item.legalBasis),
            placeAndHours(item),
            windows(catalogue.windows(serving: item.id)),
            phones(item.phones),
        ]
        let main = """
            <p class="no-print"><a href="/">← 返回办事事项列表</a></p>
            <article class="guide">
            <h1>\(HTML.escape(item.name))</h1>
            \(nameEn)
            \(sections.joined(separator: "\n"))
            </article>
            <p class="no-print">本页可直接打印：打印后按“申请材料”清单逐项打勾，带齐材料来大厅，争取一次办成。</p>
            """
        return PageLayout.render(hall: catalogue.hall, title: "\(item.name) 办事指南", main: main)
    }

    /// A `<section>` with an `<h2>`; `body` must already be HTML.
    static func section(_ title: String, _ body: String) -> String {
        "<section>\n<h2>\(HTML.escape(title))</h2>\n\(body)\n</section>"
    }

    /// Term–value pairs as a `<dl>`; both are plain text.
    static func facts(_ pairs: [(String, String)]) -> String {
        let rows = pairs.map { "<dt>\(HTML.escape($0.0))</dt><dd>\(HTML.escape($0.1))</dd>" }
        return "<dl class=\"facts\">\n\(rows.joined(separator: "\n"))\n</dl>"
    }

    /// Plain-text lines as a `ul` or `ol`, or a sentence when there are none.
    static func list(_ lines: [String], tag: String, empty: String) -> String {
        guard !lines.isEmpty else { return "<p>\(HTML.escape(empty))</p>" }
        let items = lines.map { "<li>\(HTML.escape($0))</li>" }
        return "<\(tag)>\n\(items.joined(separator: "\n"))\n</\(tag)>"
    }

    private static func summary(_ item: ServiceItem) -> String {
        var online = item.online.available ? "是" : "否"
        if let note = item.online.note { online += "（\(note)）" }
        return section(
            "基本信息",
            facts([
                ("所属分类", item.category),
                ("实施主体", item.department),
                ("事项类型", item.itemType),
                ("到现场次数", GuideText.visits(item.visitsPromised)),
                ("网上办理", online),
            ]))
    }

    private static func steps(_ steps: [Step]) -> String {
        guard !steps.isEmpty else { return section("办理流程", "<p>到窗口提交材料即可。</p>") }
        let items = steps.map { "<li><strong>\(HTML.escape($0.title))</strong>：\(HTML.escape($0.description))</li>" }
        return section("办理流程", "<ol>\n\(items.joined(separator: "\n"))\n</ol>")
    }

    private static func timeLimit(_ limit: TimeLimit) -> String {
        var body = facts([
            ("法定办结时限", GuideText.days(limit.statutoryDays, zero: "即时办结")),
            ("承诺办结时限", GuideText.days(limit.promisedDays, zero: "当场办结")),
        ])
        if let note = limit.note { body += "\n<p>\(HTML.escape(note))</p>" }
        return section("办理时限", body)
    }

    private static func fee(_ fee: Fee) -> String {
        guard !fee.free else { return section("收费", "<p>不收费。</p>") }
        var pairs = [("收费标准", fee.amount ?? "收费")]
        if let basis = fee.basis { pairs.append(("收费依据", basis)) }
        return section("收费", facts(pairs))
    }

    private static func legalBasis(_ bases: [LegalBasis]) -> String {
        let lines = bases.map { basis in basis.articles.map { "\(basis.title) \($0)" } ?? basis.title }
        return section("设定依据", list(lines, tag: "ul", empty: "见窗口公示。"))
    }
}
