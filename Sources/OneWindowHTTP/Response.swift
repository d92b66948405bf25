import Foundation

/// What a handler answers. Either bytes made for this request, or a `PreparedResponse`
/// built once and sent again and again.
public struct Response: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data
    /// Set when the response is a prepared one; the transport then sends that object as it is.
    public let prepared: PreparedResponse?
    /// Set for a body written while it is sent (Server-Sent Events); `body` is then empty.
    public let stream: ResponseStream?
    /// The route that answered (`/api/v1/services/{id}`), set by the router for the access log.
    public internal(set) var routePattern: String?
    /// The name of the device whose token the router accepted, for the access log: what an
    /// admin or a clerk did is logged under its name.
    public internal(set) var deviceName: String?
    /// Close the connection after this answer (broken framing: nothing after it can be trusted).
    var closesConnection = false

    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
        self.prepared = nil
        self.stream = nil
    }

    public init(status: Int = 200, headers: HTTPHeaders, stream: ResponseStream) {
        self.status = status
        self.headers = headers
        self.body = Data()
        self.prepared = nil
        self.stream = stream
    }

    public init(prepared: PreparedResponse) {
        self.status = prepared.status
        self.headers = prepared.headers
        self.body = prepared.body
        self.prepared = prepared
        self.stream = nil
    }

    public static let jsonContentType = "application/json; charset=utf-8"
    public static let htmlContentType = "text/html; charset=utf-8"

    /// Encodes `value` as JSON; keys sorted, non-ASCII stays as UTF-8.
    public static func json<T: Encodable>(_ value: T, status: Int = 200, headers: HTTPHeaders = [:]) -> Response {
        var all: HTTPHeaders = ["Content-Type": jsonContentType]
        for field in headers.all { all.add(field.name, field.value) }
        return Response(status: status, headers: all, body: encodeJSON(value))
    }

    public static func encodeJSON<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        // Sorted keys make equal values encode to equal bytes, so ETags survive restarts.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding our own value types cannot fail; a failure is a programming error.
        return try! encoder.encode(value)
    }

    /// The one error reply: `{"error":{"code":"…","message":"…"}}` with the code's status.
    public static func error(_ error: HTTPError) -> Response {
        json(
            ErrorBody(
                error: .init(code: error.code.name, message: error.message, retryAfterSeconds: error.retryAfterSeconds)),
            status: error.status,
            headers: error.headers)
    }

    private struct ErrorBody: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
            var retryAfterSeconds: Int?
        }
        var error: Detail
    }
}
