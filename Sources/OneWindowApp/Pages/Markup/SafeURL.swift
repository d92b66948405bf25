/// A URL that may go into `href`, `src` or `action`: a relative one (a path, `?…`, `#…`) or one
/// with an `http`, `https`, `tel` or `mailto` scheme. Anything else (`javascript:`, `data:`,
/// `vbscript:` …) is refused, also when hidden behind the tabs, newlines, controls or case that
/// browsers drop or ignore before they read the scheme.
struct SafeURL: Sendable, Equatable, ExpressibleByStringLiteral {
    let value: String

    /// Schemes a page may link to; `tel` and `mailto` for the contacts of a guide.
    static let allowedSchemes: Set<String> = ["http", "https", "tel", "mailto"]

    /// nil when `text` is not a URL a page may link to.
    init?(_ text: String) {
        switch Self.scheme(of: text) {
        case .refused: return nil
        case .scheme(let name) where !Self.allowedSchemes.contains(name): return nil
        case .relative, .scheme: value = text
        }
    }

    /// A URL written in the source, such as `"/"` or `"#main"`; a bad literal stops the program.
    init(stringLiteral literal: StaticString) {
        guard let url = SafeURL(literal.description) else { preconditionFailure("unsafe URL literal \(literal)") }
        self = url
    }

    /// A path on this site built from `segments`, each percent-encoded: `/guides/{id}`.
    static func path(_ segments: String..., query: String? = nil, fragment: String? = nil) -> SafeURL {
        var text = "/" + segments.map(HTML.urlComponent).joined(separator: "/")
        if let query { text += "?" + query }
        if let fragment { text += "#" + HTML.urlComponent(fragment) }
        return SafeURL(unchecked: text)
    }

    /// This URL with `?query` appended; `query` must be encoded already (name=value&…).
    func appending(query: String) -> SafeURL {
        SafeURL(unchecked: value + (value.contains("?") ? "&" : "?") + query)
    }

    private init(unchecked: String) { value = unchecked }

    private enum Scheme { case relative, scheme(String), refused }

    /// The lowercased scheme, `.relative` when there is none, `.refused` for text no page should
    /// link to.
    ///
    /// Browsers (WHATWG URL) strip leading and trailing C0 controls and spaces and remove tabs
    /// and newlines anywhere before they parse; a URL with any control character is refused here,
    /// and so is a colon before the first `/?#` that does not end a well-formed scheme.
    private static func scheme(of text: String) -> Scheme {
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return .refused }
        let trimmed = text.unicodeScalars.drop(while: { $0 == " " })
        guard let end = trimmed.firstIndex(where: { ":/?#\\".unicodeScalars.contains($0) }), trimmed[end] == ":"
        else { return .relative }
        let name = trimmed[..<end]
        guard let first = name.first, isLetter(first),
            name.allSatisfy({ isLetter($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) })
        else { return .refused }
        return .scheme(String(String.UnicodeScalarView(name)).lowercased())
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
