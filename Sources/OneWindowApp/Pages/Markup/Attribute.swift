/// One attribute of an element. Its name is a literal; its value is escaped (except a handler's literal script, which may hold no quote, `&` or angle bracket).
///
/// Names that carry a URL (`href`, `src`, `action` …) take a `SafeURL`, and event handlers
/// (`on…`) only a literal script, so neither data nor a typo can slip in a `javascript:` link
/// or a handler.
struct Attribute: Sendable {
    let name: StaticString
    /// nil for a boolean attribute written without a value (`hidden`, `required`).
    let value: String?
    /// False only for a handler's literal script, written as it is so that the page carries
    /// exactly the text whose hash the security policy names.
    private var escaped = true

    /// `name="value"`, for any attribute that is neither a URL nor an event handler.
    init(_ name: StaticString, _ value: String) {
        precondition(Self.isPlain(name.description), "\(name) needs its typed constructor")
        self.name = name
        self.value = value
    }

    private init(checked name: StaticString, value: String?) {
        self.name = name
        self.value = value
    }

    /// A boolean attribute such as `hidden` or `required`.
    static func flag(_ name: StaticString) -> Attribute {
        precondition(isPlain(name.description), "\(name) needs its typed constructor")
        return Attribute(checked: name, value: nil)
    }

    static func `class`(_ value: String) -> Attribute { Attribute("class", value) }
    static func id(_ value: String) -> Attribute { Attribute("id", value) }
    static func href(_ url: SafeURL) -> Attribute { Attribute(checked: "href", value: url.value) }
    static func src(_ url: SafeURL) -> Attribute { Attribute(checked: "src", value: url.value) }
    static func action(_ url: SafeURL) -> Attribute { Attribute(checked: "action", value: url.value) }

    /// An event handler (`onbeforeprint`, `onclick`): only a literal script, whose hash the
    /// page's Content-Security-Policy must allow.
    static func handler(_ name: StaticString, _ script: StaticString) -> Attribute {
        precondition(name.description.lowercased().hasPrefix("on"), "\(name) is no event handler")
        precondition(!script.description.contains(where: { "\"&<>".contains($0) }), "quote or escape the script")
        var attribute = Attribute(checked: name, value: script.description)
        attribute.escaped = false
        return attribute
    }

    /// `http-equiv="refresh"`, for `Markup.refresh` only: a data-built refresh could redirect.
    static let refresh = Attribute(checked: "http-equiv", value: "refresh")

    func write(into out: inout String) {
        out += " \(name)"
        if let value { out += "=\"\(escaped ? HTML.escape(value) : value)\"" }
    }

    /// Attributes whose value the browser may load or run.
    private static let urlNames: Set<String> = [
        "href", "src", "action", "formaction", "srcset", "poster", "data", "cite", "background", "xlink:href",
        "ping", "manifest", "codebase", "longdesc", "usemap", "icon",
    ]

    private static func isPlain(_ name: String) -> Bool {
        let lower = name.lowercased()
        return !lower.hasPrefix("on") && !urlNames.contains(lower) && lower != "srcdoc"
            && !(lower == "http-equiv")  // a refresh with a URL would be a redirect: use `Markup.refresh`
    }
}
