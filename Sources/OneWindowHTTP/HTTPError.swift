/// A failure answered to the client as `{"error":{"code":"…","message":"…"}}`.
public struct HTTPError: Error, Sendable, Equatable {
    public var code: Code
    public var message: String
    /// Extra header fields, e.g. `Allow` on a 405.
    public var headers: HTTPHeaders
    /// Written into the body as `retryAfterSeconds` when the wait is part of the answer (a
    /// console counts it down), beside the `Retry-After` header.
    public var retryAfterSeconds: Int?

    public init(_ code: Code, _ message: String, headers: HTTPHeaders = [:], retryAfterSeconds: Int? = nil) {
        self.code = code
        self.message = message
        self.headers = headers
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var status: Int { code.status }

    /// The registry of error codes: each snake_case code has exactly one HTTP status.
    /// Adapters add their own with `Code(name:status:)` as static members in an extension.
    public struct Code: Sendable, Equatable, CustomStringConvertible {
        public let name: String
        public let status: Int

        public init(name: String, status: Int) {
            self.name = name
            self.status = status
        }

        public var description: String { name }

        public static let routeNotFound = Code(name: "route_not_found", status: 404)
        public static let methodNotAllowed = Code(name: "method_not_allowed", status: 405)
        public static let bodyNotAllowed = Code(name: "body_not_allowed", status: 400)
        public static let malformedBody = Code(name: "malformed_body", status: 400)
        public static let unknownParameter = Code(name: "unknown_parameter", status: 400)
        public static let invalidParameter = Code(name: "invalid_parameter", status: 400)
        /// The path is not a clean UTF-8 path: a NUL or control character, a broken %-escape.
        public static let invalidPath = Code(name: "invalid_path", status: 400)
        /// Conflicting framing (two Content-Length headers, or one with Transfer-Encoding):
        /// answered, and the connection closed, so nothing can be smuggled after it.
        public static let badFraming = Code(name: "bad_framing", status: 400)
        public static let bodyTooLarge = Code(name: "body_too_large", status: 413)
        public static let unsupportedMediaType = Code(name: "unsupported_media_type", status: 415)
        public static let internalError = Code(name: "internal_error", status: 500)
        /// No usable device token: missing, malformed, unknown or revoked.
        public static let unauthorized = Code(name: "unauthorized", status: 401)
        /// A valid token whose device role may not use this endpoint.
        public static let forbidden = Code(name: "forbidden", status: 403)
        /// A device bound to one window (a clerk terminal, a pad) acting on another.
        public static let wrongWindow = Code(name: "wrong_window", status: 403)
        /// Too many requests from this device; come back after `Retry-After`.
        public static let rateLimited = Code(name: "rate_limited", status: 429)
        /// The request was taken but its answer did not come in time; its outcome is unknown,
        /// so a retry must be safe (an Idempotency-Key, or a state the clerk can see).
        public static let commitTimeout = Code(name: "commit_timeout", status: 503)
        /// Too much is waiting already; come back after `Retry-After`.
        public static let serverBusy = Code(name: "server_busy", status: 503)
        /// The daemon is stopping; come back after `Retry-After` (a restart takes seconds).
        public static let shuttingDown = Code(name: "shutting_down", status: 503)
    }
}
