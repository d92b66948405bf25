/// Checks of the request's framing that libmicrohttpd 0.9.75 lets through.
///
/// It accepts two `Content-Length` headers and uses the first, so the rest of the body would
/// be read as a second request (request smuggling); and a `Content-Length` beside
/// `Transfer-Encoding` leaves two readings of where the body ends. Such a request is answered
/// 400 `bad_framing` at once and its connection closed.
enum Framing {
    static func problem(in headers: HTTPHeaders) -> HTTPError? {
        let lengths = headers.all.filter { HTTPHeaders.equalIgnoringASCIICase($0.name, "Content-Length") }
        if lengths.count > 1 {
            return HTTPError(.badFraming, "the request has more than one Content-Length header")
        }
        if !lengths.isEmpty, headers["Transfer-Encoding"] != nil {
            return HTTPError(.badFraming, "the request has both Content-Length and Transfer-Encoding")
        }
        return nil
    }
}
