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
        let main = Markup.group {
            Markup.h1 { "办事指南查询" }
            searchForm(query: query, hint: query == nil && category == nil)
            categoryNav(catalogue.categories, current: category, open: query == nil && category == nil)
            if query != nil || category != nil {
                resultsSection(query: query, category: category, results: results)
            } else {
                audienceSections(catalogue)
            }
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

    /// The search form; the error pages reuse it so a lost applicant can search again. `hint`
    /// says that pinyin works too: left out above results, where it cost a phone two lines.
    static func searchForm(query: String?, hint: Bool = true) -> Markup {
        .element("form", [.class("search"), Attribute("method", "get"), .action("/"), Attribute("role", "search")]) {
            Markup.element("label", [Attribute("for", "q")]) {
                hint ? "搜索办事事项（可输入汉字或拼音，如“结婚”“dibao”）" : "搜索办事事项"
            }
            Markup.newline
            Markup.void(
                "input",
                [
                    Attribute("type", "search"), .id("q"), Attribute("name", "q"), Attribute("value", query ?? ""),
                    Attribute("placeholder", "如：结婚登记、低保"),
                ])
            Markup.newline
            Markup.element("button", [Attribute("type", "submit")]) { "搜索" }
        }
    }

    /// The category chips in a `<details>`: open on the start page, where they are the way in;
    /// folded to one line above results, so that on a phone (320×640) the first result is on the
    /// first screen and not under two hundred pixels of chips. A plain element: no script.
    private static func categoryNav(_ categories: [Category], current: String?, open: Bool) -> Markup {
        let summary = current.map { "分类：\($0)（点按更换）" } ?? "按分类浏览（\(categories.count) 类）"
        let attributes: [Attribute] = [.class("categories")] + (open ? [Attribute.flag("open")] : [])
        return .element("details", attributes) {
            Markup.element("summary") { summary }
            categoryList(categories, current: current)
        }
    }

    private static func categoryList(_ categories: [Category], current: String?) -> Markup {
        .element("nav", [.class("categories"), Attribute("aria-label", "事项分类")]) {
            Markup.ul {
                for category in categories {
                    Markup.li {
                        let href = SafeURL.path("", query: "category=" + HTML.urlComponent(category.name))
                        let marker = category.name == current ? [Attribute("aria-current", "page")] : []
                        Markup.element("a", [.href(href)] + marker) { "\(category.name)（\(category.count)）" }
                    }
                }
            }
        }
    }

    private static func resultsSection(query: String?, category: String?, results: [ServiceItem]) -> Markup {
        var asked: [String] = []
        if let query { asked.append("关键词“\(query)”") }
        if let category { asked.append("分类“\(category)”") }
        let what = asked.joined(separator: "，")
        return .section(.class("results")) {
            Markup.h2 { "搜索结果" }
            if results.isEmpty {
                Markup.p(.class("empty")) { "没有找到与\(what)相关的办事事项。" }
                Markup.p {
                    "提示：试试更短的词或常用简称，如“低保”“结婚”；也可以点上面的“按分类浏览”，或"
                    Markup.a(href: "/") { "查看全部事项" }
                    "，或到大厅咨询台询问。"
                }
            } else {
                // What was asked is in the search box and the category line above; the count
                // goes in the heading and the way back after the list, so the first result
                // comes right under the heading on a phone.
                Markup.p(.class("meta")) { "\(what)：共 \(results.count) 个事项" }
                serviceList(results, showCategory: true)
                Markup.p(.class("no-print")) { Markup.a(href: "/") { "查看全部事项" } }
            }
        }
    }

    /// 个人办事 and 法人办事, each by category; an item for both appears in both.
    private static func audienceSections(_ catalogue: Catalogue) -> Markup {
        let audiences: [(ServiceObject, String, String)] = [
            (.individual, "personal", "个人办事"), (.organisation, "organisation", "法人办事"),
        ]
        return .fragment(
            audiences.compactMap { object, id, title in
                let items = catalogue.services.filter { $0.serviceObject.contains(object) }
                guard !items.isEmpty else { return nil }
                return .section(.class("audience"), .id(id), Attribute("aria-labelledby", "\(id)-title")) {
                    Markup.h2(.id("\(id)-title")) { title }
                    for category in catalogue.categories {
                        let inCategory = items.filter { $0.category == category.name }
                        if !inCategory.isEmpty {
                            Markup.h3 { category.name }
                            serviceList(inCategory, showCategory: false)
                        }
                    }
                }
            })
    }

    private static func serviceList(_ items: [ServiceItem], showCategory: Bool) -> Markup {
        .ul(.class("services")) {
            for item in items {
                Markup.li {
                    Markup.a(href: .path("guides", item.id)) { item.name }
                    Markup.newline
                    Markup.p(.class("meta")) { facts(item, showCategory: showCategory).joined(separator: " · ") }
                }
            }
        }
    }

    private static func facts(_ item: ServiceItem, showCategory: Bool) -> [String] {
        var facts = showCategory ? [item.category] : []
        facts.append(GuideText.visits(item.visitsPromised))
        if let limit = GuideText.shortLimit(item.timeLimit) { facts.append(limit) }
        facts.append(GuideText.online(item.online))
        return facts
    }

    /// A blank query or category means the applicant asked for nothing in particular.
    private static func nonBlank(_ s: String?) -> String? {
        guard let s, !s.allSatisfy(\.isWhitespace) else { return nil }
        return s
    }
}
