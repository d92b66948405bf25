import OneWindowCore

/// The whole service guide (办事指南) of one item, laid out to be read on a phone or printed.
///
/// It opens with what an applicant acts on (the buttons and 办事一览), then follows the order
/// of a published guide, so an applicant who has seen one guide in the hall finds the same
/// thing in the same place here.
public enum GuidePage {
    /// Renders the guide of `item`; `catalogue` gives the hall and the windows that take the item,
    /// `commonlyMissing` the 常见缺件提醒 marks on its materials.
    public static func render(
        item: ServiceItem, catalogue: Catalogue, mode: PageMode = .standard, commonlyMissing: CommonlyMissing? = nil
    ) -> String {
        let sections = [
            actions(item),
            summary(item, hall: catalogue.hall),
            section("受理条件", list(item.conditions, tag: "ul", empty: "无特别条件。")),
            materials(item.materials, missing: commonlyMissing),
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
        let main = Markup.group {
            Markup.p(.class("no-print back")) { Markup.a(href: "/") { "← 全部办事事项" } }
            Markup.element("article", [.class("guide")]) {
                Markup.h1 { item.name }
                if let nameEn = item.nameEn { Markup.p(.class("en"), Attribute("lang", "en")) { nameEn } }
                // Where to go instead, before anything else: on a phone the 办事一览 row that says
                // it was a screen further down, and a bereaved family would queue at the hall.
                if item.channels.hall == nil { Markup.p(.class("not-here")) { GuideText.channels(item.channels) } }
                sections.compactMap { $0 }
                Markup.p(.class("updated")) { "本指南内容核对日期：\(item.updatedAt)" }
            }
        }
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

    /// A `<section>` with an `<h2>`; `id` makes it a link target.
    static func section(_ title: String, _ body: Markup, id: String? = nil, className: String? = nil) -> Markup? {
        var attributes: [Attribute] = []
        if let id { attributes.append(.id(id)) }
        if let className { attributes.append(.class(className)) }
        return .element("section", attributes) {
            Markup.h2 { title }; body
        }
    }

    /// Term–value pairs as a `<dl>`, the values typeset.
    static func facts(_ pairs: [(String, String)]) -> Markup {
        .element("dl", [.class("facts")]) {
            for (term, value) in pairs { Markup.dt { term }; Markup.dd { GuideText.typeset(value) } }
        }
    }

    /// Lines as a `ul` or `ol`, or a sentence when there are none.
    static func list(_ lines: [String], tag: StaticString, empty: String) -> Markup {
        guard !lines.isEmpty else { return .p { empty } }
        return .element(tag) { for line in lines { Markup.li { GuideText.typeset(line) } } }
    }

    private static func steps(_ steps: [Step]) -> Markup? {
        guard !steps.isEmpty else { return section("办理流程", .p { "到窗口提交材料即可。" }) }
        return section(
            "办理流程",
            .element("ol") {
                for step in steps {
                    Markup.li {
                        Markup.strong { step.title }; "："; GuideText.typeset(step.description)
                    }
                }
            })
    }
}
