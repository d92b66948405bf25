/// The elements the pages use most, so that a page reads like its HTML.
extension Markup {
    static func p(_ attributes: Attribute..., @MarkupBuilder content: () -> Markup) -> Markup {
        element("p", attributes, content)
    }
    static func span(_ attributes: Attribute..., @MarkupBuilder content: () -> Markup) -> Markup {
        element("span", attributes, content)
    }
    static func a(href: SafeURL, _ attributes: Attribute..., @MarkupBuilder content: () -> Markup) -> Markup {
        element("a", attributes + [.href(href)], content)
    }
    static func section(_ attributes: Attribute..., @MarkupBuilder content: () -> Markup) -> Markup {
        element("section", attributes, content)
    }
    static func h1(_ attributes: Attribute..., @MarkupBuilder content: () -> Markup) -> Markup {
        element("h1", attributes, content)
    }
    static func h2(_ attributes: Attribute..., @MarkupBuilder content: () -> Markup) -> Markup {
        element("h2", attributes, content)
    }
    static func h3(_ attributes: Attribute..., @MarkupBuilder content: () -> Markup) -> Markup {
        element("h3", attributes, content)
    }
    static func ul(_ attributes: Attribute..., @MarkupBuilder content: () -> Markup) -> Markup {
        element("ul", attributes, content)
    }
    static func li(_ attributes: Attribute..., @MarkupBuilder content: () -> Markup) -> Markup {
        element("li", attributes, content)
    }
    static func dt(_ attributes: Attribute..., @MarkupBuilder content: () -> Markup) -> Markup {
        element("dt", attributes, content)
    }
    static func dd(_ attributes: Attribute..., @MarkupBuilder content: () -> Markup) -> Markup {
        element("dd", attributes, content)
    }
    static func strong(@MarkupBuilder _ content: () -> Markup) -> Markup { element("strong", [], content) }
    static func td(_ attributes: Attribute..., @MarkupBuilder content: () -> Markup) -> Markup {
        element("td", attributes, content)
    }
    static func th(_ attributes: Attribute..., @MarkupBuilder content: () -> Markup) -> Markup {
        element("th", attributes, content)
    }

    /// `<meta http-equiv="refresh" content="N">`: reloads the same page, never another.
    static func refresh(seconds: Int) -> Markup {
        void("meta", [Attribute.refresh, Attribute("content", String(seconds))])
    }

    /// A newline between inline elements, where the old pages had one (it renders as a space).
    static let newline = Markup.text("\n")
}

extension Markup {
    /// The first lines of every page's `<head>`: UTF-8, and a layout for the device's width.
    static let headStart = Markup.group {
        Markup.newline
        Markup.void("meta", [Attribute("charset", "utf-8")])
        Markup.void(
            "meta", [Attribute("name", "viewport"), Attribute("content", "width=device-width, initial-scale=1")])
    }
}
