import OneWindowHTTP

/// How a page is laid out for its reader: standard, or 长者模式 (大字版) with larger type and
/// larger touch targets. Chosen with a link that sets a cookie, so it needs no JavaScript.
public enum PageMode: String, Sendable, CaseIterable {
    case standard
    case large

    /// The cookie that remembers the choice, for a year.
    static let cookieName = "ow_mode"

    /// The mode a request asks for through its cookie; standard when there is none.
    init(_ request: Request) {
        self = .standard
        guard let header = request.headers["Cookie"] else { return }
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == Self.cookieName, parts[1] == PageMode.large.rawValue { self = .large }
        }
    }

    /// The `Set-Cookie` value that switches to this mode.
    var setCookie: String {
        switch self {
        case .large: "\(Self.cookieName)=large; Path=/; Max-Age=31536000; SameSite=Lax"
        case .standard: "\(Self.cookieName)=; Path=/; Max-Age=0; SameSite=Lax"
        }
    }

    /// The link that switches a page at `path` to the other mode and back to the same page.
    static func switchLink(from mode: PageMode, path: String) -> Markup {
        let target = mode == .large ? "0" : "1"
        let href = SafeURL.path("elderly-mode", query: "on=\(target)&back=\(HTML.urlComponent(path))")
        return .a(href: href, .class("mode")) { mode == .large ? "退出长者模式" : "长者模式（大字版）" }
    }

    /// Where to go after switching: a path on this site only, never another host.
    static func safeReturnPath(_ back: String?) -> String {
        guard let back, back.hasPrefix("/"), !back.hasPrefix("//"), !back.contains("\\"), back.utf8.count <= 500,
            !back.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f })
        else { return "/" }
        return back
    }
}
