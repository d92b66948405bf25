/// One line of the route table: method, path pattern, what the request may carry, handler.
public struct Route: Sendable {
    /// What a request body may be.
    public enum BodyPolicy: Sendable {
        /// No body: a request that carries one is answered 400 `body_not_allowed`.
        case none
        /// A JSON body (`Content-Type: application/json`), else 415.
        case json
        /// An HTML form's body (`application/x-www-form-urlencoded`), else 415.
        case form
    }

    /// Who may use the route. The router checks it before anything else about the request,
    /// so a handler of a `.device` route always has `request.device`; a test holds these
    /// declarations against the OpenAPI document's `security`.
    public enum Access: Sendable, Equatable {
        /// Anyone.
        case open
        /// Only a device whose token has one of these roles.
        case device(Set<String>)
        /// Anyone; a device with one of these roles sees more. A token sent must be valid.
        case optionalDevice(Set<String>)
        /// A device with one of these roles, acting on one window: a device bound to a window
        /// may act only on its own (else 403 `wrong_window`). The router checks the path's
        /// `{window}`; a route that names the window in its body calls
        /// `Request.authorizeWindow(_:)` with it.
        case window(Set<String>)
    }

    /// What the route does with a query parameter it does not know.
    public enum UnknownQuery: Sendable {
        /// 400 `unknown_parameter`: the API's contract is strict, so typos fail loudly.
        case reject
        /// Left unread: pages are shared with `?from=singlemessage` or `utm_*` appended.
        case ignore
    }

    /// Renders an error for a route whose clients are people with browsers (an HTML page).
    public typealias ErrorPage = @Sendable (HTTPError) -> Response

    public typealias Handler = @Sendable (Request) throws -> Response
    /// A handler that answers later, from any thread, through the `Responder`; the connection
    /// is suspended meanwhile, so no worker thread waits (used for group-committed writes).
    public typealias DeferredHandler = @Sendable (Request, Responder) throws -> Void

    enum Action: Sendable {
        case immediate(Handler)
        case deferred(DeferredHandler)
    }

    public let method: String
    /// Literal segments and `{name}` parameters, e.g. `/api/v1/services/{id}`.
    public let pattern: String
    /// The query parameters the route understands; any other is answered 400 `unknown_parameter`
    /// unless `unknownQuery` is `.ignore`.
    public let queryParameters: Set<String>
    public let unknownQuery: UnknownQuery
    /// How this route answers errors; nil for the JSON error body.
    public let errorPage: ErrorPage?
    public let body: BodyPolicy
    public let access: Access
    let action: Action
    let segments: [Segment]

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    public init(
        _ method: String, _ pattern: String, access: Access = .open, query: Set<String> = [],
        body: BodyPolicy = .none, handler: @escaping Handler
    ) {
        self.init(method, pattern, access: access, query: query, body: body, action: .immediate(handler))
    }

    /// A GET route for people: unknown query parameters are ignored and errors are `errorPage`'s.
    public static func page(
        _ pattern: String, query: Set<String> = [], errorPage: @escaping ErrorPage, handler: @escaping Handler
    ) -> Route {
        Route(
            "GET", pattern, query: query, unknownQuery: .ignore, errorPage: errorPage, body: .none,
            action: .immediate(handler))
    }

    /// A GET route for people whose answer comes later, through the `Responder` (a page read
    /// from a database that answers asynchronously, as the city's PostgreSQL does).
    public static func page(
        _ pattern: String, query: Set<String> = [], errorPage: @escaping ErrorPage,
        deferred handler: @escaping DeferredHandler
    ) -> Route {
        Route(
            "GET", pattern, query: query, unknownQuery: .ignore, errorPage: errorPage, body: .none,
            action: .deferred(handler))
    }

    /// A POST route for an HTML form: a form body, and errors answered by `errorPage`.
    /// - Parameter body: `.none` for a form with no fields (a button alone posts an empty body).
    public static func form(
        _ pattern: String, body: BodyPolicy = .form, errorPage: @escaping ErrorPage, handler: @escaping Handler
    ) -> Route {
        Route(
            "POST", pattern, query: [], unknownQuery: .ignore, errorPage: errorPage, body: body,
            action: .immediate(handler))
    }

    /// A POST route for an HTML form whose answer comes after a group commit.
    public static func form(
        _ pattern: String, body: BodyPolicy = .form, errorPage: @escaping ErrorPage,
        deferred handler: @escaping DeferredHandler
    ) -> Route {
        Route(
            "POST", pattern, query: [], unknownQuery: .ignore, errorPage: errorPage, body: body,
            action: .deferred(handler))
    }

    public init(
        _ method: String, _ pattern: String, access: Access = .open, query: Set<String> = [],
        body: BodyPolicy = .none, deferred handler: @escaping DeferredHandler
    ) {
        self.init(method, pattern, access: access, query: query, body: body, action: .deferred(handler))
    }

    private init(
        _ method: String, _ pattern: String, access: Access = .open, query: Set<String>,
        unknownQuery: UnknownQuery = .reject, errorPage: ErrorPage? = nil, body: BodyPolicy, action: Action
    ) {
        self.method = method
        self.pattern = pattern
        self.access = access
        self.queryParameters = query
        self.unknownQuery = unknownQuery
        self.errorPage = errorPage
        self.body = body
        self.action = action
        self.segments = Route.split(pattern).map { part -> Segment in
            guard part.hasPrefix("{"), part.hasSuffix("}") else { return .literal(String(part)) }
            return .parameter(String(part.dropFirst().dropLast()))
        }
    }

    /// The path's segments, split at every `/` scalar: splitting by Character would keep a `/`
    /// inside a grapheme with a combining mark after it (`/🏻…`), and a segment would vanish.
    static func split(_ path: String) -> [Substring] {
        path.unicodeScalars.split(separator: "/", omittingEmptySubsequences: true).map { Substring($0) }
    }

    /// The parameters if `path` fits the pattern; nil otherwise.
    /// How many segments are literal: of the routes that fit a path, those with the most win.
    var literalCount: Int {
        segments.reduce(0) { count, segment in
            if case .literal = segment { return count + 1 }
            return count
        }
    }

    func match(_ parts: [Substring]) -> [String: String]? {
        guard parts.count == segments.count else { return nil }
        // Literals first: most routes fail there, before any parameter is copied out.
        for index in segments.indices {
            if case .literal(let text) = segments[index], text != parts[index] { return nil }
        }
        var parameters: [String: String] = [:]
        for index in segments.indices {
            if case .parameter(let name) = segments[index] { parameters[name] = String(parts[index]) }
        }
        return parameters
    }
}
