import OneWindowCore

/// The applicant's start page: search, categories, and either the results or every service.
public enum HomePage {
    /// Renders the page. `results` are the items the caller found for `query` and `category`;
    /// they are shown only when either is given, otherwise the whole catalogue is listed by category.
    public static func render(
        catalogue: Catalogue, query: String?, category: String?, results: [ServiceItem]
    ) -> String {
        let query = nonBlank(query)
        let category = nonBlank(category)
        var main = "<h1>办事指南查询</h1>\n" + searchForm(query: query)
        main += "\n" + categoryNav(catalogue.categories, current: category)
        if query != nil || category != nil {
            main += "\n" + resultsSection(query: query, category: category, results: results)
        } else {
            main += "\n" + allServices(catalogue)
        }
        let title = query.map { "搜索：\($0)" } ?? category ?? "办事指南"
        return PageLayout.render(hall: catalogue.hall, title: title, main: main)
    }

    /// The search form; the 404 page reuses it so a lost applicant can search again.
    static func searchForm(query: String?) -> String {
        let value = HTML.escape(query ?? "")
        return """
            <form class="search" method="get" action="/" role="search">
            <label for="q">搜索办事事项</label>
            <input type="search" id="q" name="q" value="\(value)" placeholder="如：结婚登记、低保">
            <button type="submit">搜索</button>
            </form>
            """
    }

    private static func categoryNav(_ categories: [Category], current: String?) -> String {
        let links = categories.map { category in
            let href = HTML.escape("/?category=" + HTML.urlComponent(category.name))
            let marker = category.name == current ? " aria-current=\"page\"" : ""
            return "<li><a href=\"\(href)\"\(marker)>\(HTML.escape(category.name))（\(category.count)）</a></li>"
        }
        return "<nav class=\"categories\" aria-label=\"事项分类\"><ul>\n\(links.joined(separator: "\n"))\n</ul></nav>"
    }

    private static func resultsSection(query: String?, category: String?, results: [ServiceItem]) -> String {
        var asked: [String] = []
        if let query { asked.append("关键词“\(HTML.escape(query))”") }
        if let category { asked.append("分类“\(HTML.escape(category))”") }
        let what = asked.joined(separator: "，")
        guard !results.isEmpty else {
            return """
                <section class="results">
                <h2>搜索结果</h2>
                <p class="empty">没有找到与\(what)相关的办事事项。</p>
                <p>提示：试试更短的词或常用简称，如“低保”“结婚”；也可以点上面的分类浏览，\
                或<a href="/">查看全部事项</a>，或到大厅咨询台询问。</p>
                </section>
                """
        }
        return """
            <section class="results">
            <h2>搜索结果</h2>
            <p>\(what)：共 \(results.count) 个事项。<a class="no-print" href="/">查看全部事项</a></p>
            \(serviceList(results, showCategory: true))
            </section>
            """
    }

    private static func allServices(_ catalogue: Catalogue) -> String {
        catalogue.categories.map { category in
            let items = catalogue.services.filter { $0.category == category.name }
            return """
                <section class="category">
                <h2>\(HTML.escape(category.name))</h2>
                \(serviceList(items, showCategory: false))
                </section>
                """
        }.joined(separator: "\n")
    }

    private static func serviceList(_ items: [ServiceItem], showCategory: Bool) -> String {
        let entries = items.map { item in
            var facts = showCategory ? [item.category] : []
            facts += [item.itemType.rawValue, GuideText.visits(item.visitsPromised), GuideText.online(item.online)]
            let href = HTML.escape("/guides/" + HTML.urlComponent(item.id))
            return """
                <li><a href="\(href)">\(HTML.escape(item.name))</a>
                <p class="meta">\(facts.map(HTML.escape).joined(separator: " · "))</p></li>
                """
        }
        return "<ul class=\"services\">\n\(entries.joined(separator: "\n"))\n</ul>"
    }

    /// A blank query or category means the applicant asked for nothing in particular.
    private static func nonBlank(_ s: String?) -> String? {
        guard let s, !s.allSatisfy(\.isWhitespace) else { return nil }
        return s
    }
}
