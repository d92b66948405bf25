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
            result(item.result),
            fee(item.fee),
            legalBasis(item.legalBasis),
            placeAndHours(item),
            windows(catalogue.windows(serving: item.id)),
            phones(item.phones),
            faq(item.faq),
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
        var pairs: [(String, String)] = []
        if let code = item.code { pairs.append(("实施编码", code)) }
        pairs += [
            ("所属分类", item.category),
            ("服务对象", GuideText.serviceObject(item.serviceObject)),
            ("事项类型", item.itemType.rawValue),
            ("行使层级", item.level.rawValue),
            ("受理机构", item.acceptingBody),
            ("决定机构", item.decidingBody),
        ]
        if let scope = item.scope { pairs.append(("通办范围", scope.rawValue)) }
        pairs += [("到现场次数", GuideText.visits(item.visitsPromised)), ("网上办理", online)]
        var body = facts(pairs)
        if let forwarding = GuideText.forwarding(item) { body = "<p>\(HTML.escape(forwarding))</p>\n" + body }
        return section("基本信息", body)
    }

    private static func steps(_ steps: [Step]) -> String {
        guard !steps.isEmpty else { return section("办理流程", "<p>到窗口提交材料即可。</p>") }
        let items = steps.map { "<li><strong>\(HTML.escape($0.title))</strong>：\(HTML.escape($0.description))</li>" }
        return section("办理流程", "<ol>\n\(items.joined(separator: "\n"))\n</ol>")
    }

    private static func timeLimit(_ limit: TimeLimit) -> String {
        var pairs = [
            ("法定办结时限", GuideText.statutory(limit)),
            ("承诺办结时限", GuideText.days(limit.promisedDays, limit.unit)),
        ]
        for step in limit.specialSteps { pairs.append(("\(step.name)（不计入时限）", step.duration)) }
        var body = facts(pairs)
        if let note = limit.note { body += "\n<p>\(HTML.escape(note))</p>" }
        return section("办理时限", body)
    }

    private static func result(_ result: ServiceResult) -> String {
        let delivery = result.delivery.map(\.rawValue).joined(separator: "、")
        return section("办理结果", facts([("结果名称", result.name), ("领取方式", delivery)]))
    }

    private static func faq(_ entries: [FAQEntry]) -> String {
        guard !entries.isEmpty else { return "" }
        let items = entries.map { "<dt>\(HTML.escape($0.q))</dt><dd>\(HTML.escape($0.a))</dd>" }
        return section("常见问题", "<dl class=\"faq\">\n\(items.joined(separator: "\n"))\n</dl>")
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
