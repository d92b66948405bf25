/// Checks of the request's framing that libmicrohttpd 0.9.75 lets through. Each is a way to
/// make a server and a proxy in front of it disagree on where a request ends (request
/// smuggling); RFC 9112 §6.1 and §5 ask for 400 and a closed connection. Such a request is
/// answered 400 `bad_framing` on the first call, so libmicrohttpd closes the connection and
/// reads nothing after it.
///
/// - Two `Content-Length` headers: libmicrohttpd uses the first, so the rest of the body would
///   be read as a second request.
/// - `Content-Length` beside `Transfer-Encoding`: two readings of where the body ends.
/// - A field name with whitespace (`Content-Length : 39`, `Transfer-Encoding\t: chunked`) or
///   any other byte a token cannot hold: libmicrohttpd keeps the name as sent, so it does not
///   see the length, while a lenient proxy may.
/// - A `Transfer-Encoding` other than exactly `chunked` (`chunked, identity`, a second header,
///   `gzip`): libmicrohttpd decodes only chunked, and chunked must be the last coding.
enum Framing {
    static func problem(in headers: HTTPHeaders) -> HTTPError? {
        if let name = headers.all.lazy.map(\.name).first(where: { !isToken($0) }) {
            return HTTPError(
                .badFraming, "the header name “\(printable(name))” has whitespace or a character a name cannot have")
        }
        let lengths = headers.all.filter { HTTPHeaders.equalIgnoringASCIICase($0.name, "Content-Length") }
        if lengths.count > 1 {
            return HTTPError(.badFraming, "the request has more than one Content-Length header")
        }
        let encodings = headers.all.filter { HTTPHeaders.equalIgnoringASCIICase($0.name, "Transfer-Encoding") }
        guard !encodings.isEmpty else { return nil }
        if !lengths.isEmpty {
            return HTTPError(.badFraming, "the request has both Content-Length and Transfer-Encoding")
        }
        let codings = encodings.flatMap { $0.value.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingASCIIWhitespace() }
        guard codings.count == 1, HTTPHeaders.equalIgnoringASCIICase(codings[0], "chunked") else {
            return HTTPError(
                .badFraming,
                "the only Transfer-Encoding accepted is “chunked”, once; found “\(printable(encodings.map(\.value).joined(separator: ", ")))”"
            )
        }
        return nil
    }

    /// RFC 9110 §5.6.2: `token = 1*tchar`.
    static func isToken(_ name: String) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"):
                    true
                default: Self.tokenSymbols.contains(byte)
                }
            }
    }

    private static let tokenSymbols = Set("!#$%&'*+-.^_`|~".utf8)

    /// The name as it can be written into a message: control characters as `\u{…}` escapes.
    private static func printable(_ text: String) -> String {
        String(text.prefix(80)).unicodeScalars.map {
            $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0)
        }
        .joined()
    }
}

extension Substring {
    /// Without the spaces and tabs around it (HTTP's optional whitespace).
    fileprivate func trimmingASCIIWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
