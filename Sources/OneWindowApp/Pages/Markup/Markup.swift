/// A piece of a page, safe by construction: text is escaped when it is written out, and
/// markup comes only from elements (whose tag and attribute names are literals in the source),
/// from `raw` with a literal, or from a bundled `PageResource`.
///
/// Pages used to be strings with `HTML.escape` on each interpolation; each was safe only if its
/// author remembered. Here a `String` can only ever become text:
///
///     Markup.section(.class("notice"), Attribute("aria-label", "说明")) {
///         Markup.h2 { title }                       // a String: escaped text
///         if let url = item.onlineUrl.flatMap(SafeURL.init) {  // nil for javascript:, data: …
///             Markup.a(href: url, .class("button")) { "在线办理" }
///         }
///         for line in lines { Markup.p { line } }
///     }.html
struct Markup: Sendable {
    enum Kind: Sendable {
        case text(String)
        case trusted(String)
        case element(name: StaticString, attributes: [Attribute], children: [Markup]?)
        case fragment([Markup])
    }

    let kind: Kind

    /// Text, escaped wherever it goes.
    static func text(_ text: String) -> Markup { Markup(kind: .text(text)) }

    /// Markup written in the source: only a literal can be raw. Grep for `.raw(` to audit them all.
    static func raw(_ literal: StaticString) -> Markup { Markup(kind: .trusted(literal.description)) }

    /// A bundled style sheet, script or page part, as it is in the resource file.
    static func resource(_ resource: PageResource) -> Markup { Markup(kind: .trusted(resource.text)) }

    /// An element with content; `name` is a literal, so no data can choose a tag.
    static func element(
        _ name: StaticString, _ attributes: [Attribute] = [], @MarkupBuilder _ content: () -> Markup = { .empty }
    ) -> Markup {
        Markup(kind: .element(name: name, attributes: attributes, children: [content()]))
    }

    /// An element without content or end tag (`meta`, `input`, `br`, `link`, `img`).
    static func void(_ name: StaticString, _ attributes: [Attribute] = []) -> Markup {
        Markup(kind: .element(name: name, attributes: attributes, children: nil))
    }

    /// Several pieces in a row.
    static func fragment(_ parts: [Markup]) -> Markup { Markup(kind: .fragment(parts)) }

    /// Several pieces in a row, built.
    static func group(@MarkupBuilder _ content: () -> Markup) -> Markup { content() }

    /// Nothing.
    static let empty = Markup(kind: .fragment([]))

    /// An HTML comment; its text is escaped and cannot end the comment early.
    static func comment(_ text: String) -> Markup {
        let safe = HTML.escape(text).replacingOccurrences(of: "--", with: "- -")
        return Markup(kind: .trusted("<!-- \(safe) -->"))
    }

    /// The parts joined by `separator` (a text such as " · " or "\n").
    static func joined(_ parts: [Markup], separator: String) -> Markup {
        var out: [Markup] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { out.append(.text(separator)) }
            out.append(part)
        }
        return .fragment(out)
    }

    /// The whole HTML, for a response body.
    var html: String {
        var out = ""
        write(into: &out)
        return out
    }

    /// A whole document: the doctype, a newline, then `root`.
    static func document(_ root: Markup) -> String { "<!doctype html>\n" + root.html }

    func write(into out: inout String) {
        switch kind {
        case .text(let text): out += HTML.escape(text)
        case .trusted(let html): out += html
        case .fragment(let parts): for part in parts { part.write(into: &out) }
        case .element(let name, let attributes, let children):
            out += "<\(name)"
            for attribute in attributes { attribute.write(into: &out) }
            out += ">"
            guard let children else { return }
            for child in children { child.write(into: &out) }
            out += "</\(name)>"
        }
    }
}
