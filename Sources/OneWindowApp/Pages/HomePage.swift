import OneWindowCore

/// The applicant's start page: search, categories, and either the results or every service,
/// split into 个人办事 and 法人办事 as service halls post them.
public enum HomePage {
    /// Renders the page. `results` are the items the caller found for `query` and `category`;
    /// they are shown only when either is given, otherwise the whole catalogue is listed.
    public static func render(
        catalogue: Catalogue, query: String?, category: String?, results: [ServiceItem], mode: PageMode = .standard
    ) -> String {
        let query = nonBlank(query)
        let category = nonBlank(category)
        var main = "<h1>办事指南查询</h1>\n" + searchForm(query: query)
        main += "\n" + categoryNav(catalogue.categories, current: category)
        if query != nil || category != nil {
            main += "\n" + resultsSection(query: query, category: category, results: results)
        } else {
            main += "\n" + audienceSections(catalogue)
        }
        let title = query.map { "搜索：\($0)" } ?? category ?? "办事指南"
        let page = PageLayout.Page(
            title: title, description: "\(catalogue.hall.name)办事指南：查找个人和法人办事事项，查看要带的材料、办理流程和时限。",
            path: path(query: query, category: category), mode: mode)
        return PageLayout.render(hall: catalogue.hall, page: page, main: main)
    }

    /// The page's own address, for the mode switch to come back to.
    static func path(query: String?, category: String?) -> String {
        var parts: [String] = []
        if let query { parts.append("q=" + HTML.urlComponent(query)) }
        if let category { parts.append("category=" + HTML.urlComponent(category)) }
        return parts.isEmpty ? "/" : "/?" + parts.joined(separator: "&")
    }

    /// The search form; the error pages reuse it so a lost applicant can search again.
    static func searchForm(query: String?) -> String {
        let value = HTML.escape(query ?? "")
        return """
            <form class="search" method="get" action="/" role="search">
            <label for="q">搜索办事事项（可输入汉字或拼音，如“结婚”“dibao”）</label>
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

    /// 个人办事 and 法人办事, each by category; an item for both appears in both.
    private static func audienceSections(_ catalogue: Catalogue) -> String {
        let audiences: [(ServiceObject, String, String)] = [
            (.individual, "personal", "个人办事"), (.organisation, "organisation", "法人办事"),
        ]
        return audiences.compactMap { object, id, title in
            let items = catalogue.services.filter { $0.serviceObject.contains(object) }
            guard !items.isEmpty else { return nil }
            let groups = catalogue.categories.compactMap { category -> String? in
                let inCategory = items.filter { $0.category == category.name }
                guard !inCategory.isEmpty else { return nil }
                return "<h3>\(HTML.escape(category.name))</h3>\n\(serviceList(inCategory, showCategory: false))"
            }
            return """
                <section class="audience" id="\(id)" aria-labelledby="\(id)-title">
                <h2 id="\(id)-title">\(title)</h2>
                \(groups.joined(separator: "\n"))
                </section>
                """
        }.joined(separator: "\n")
    }

    private static func serviceList(_ items: [ServiceItem], showCategory: Bool) -> String {
        let entries = items.map { item in
            var facts = showCategory ? [item.category] : []
            facts.append(GuideText.visits(item.visitsPromised))
            if let limit = GuideText.shortLimit(item.timeLimit) { facts.append(limit) }
            facts.append(GuideText.online(item.online))
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
