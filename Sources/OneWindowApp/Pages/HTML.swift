import Foundation

/// Turns text into safe HTML and URL pieces.
///
/// services.json is edited by hand and search queries come from anyone, so every piece of
/// catalogue or request text goes through `escape` before it lands in a page.
public enum HTML {
    /// Escapes `& < > " '` so the result is safe both as element text and as a quoted attribute value.
    ///
    /// Works on Unicode scalars, not `Character`s: a combining mark after `"` forms one grapheme
    /// that would not compare equal to `"`, yet the browser still sees the bare quote.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Percent-encodes a URL query value or path segment, keeping only RFC 3986 unreserved characters.
    ///
    /// `.urlQueryAllowed` would keep `&`, `=` and `+`, which split or change a query value.
    /// The result is plain ASCII; it is still passed through `escape` where it goes into an attribute.
    public static func urlComponent(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    )
}
