/// One line of the route table: method, path pattern, what the request may carry, handler.
public struct Route: Sendable {
    /// What a request body may be.
    public enum BodyPolicy: Sendable {
        /// No body: a request that carries one is answered 400 `body_not_allowed`.
        case none
        /// A JSON body (`Content-Type: application/json`), else 415.
        case json
    }

    public typealias Handler = @Sendable (Request) throws -> Response

    public let method: String
    /// Literal segments and `{name}` parameters, e.g. `/api/v1/services/{id}`.
    public let pattern: String
    /// The query parameters the route understands; any other is answered 400 `unknown_parameter`.
    public let queryParameters: Set<String>
    public let body: BodyPolicy
    public let handler: Handler
    let segments: [Segment]

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    public init(
        _ method: String, _ pattern: String, query: Set<String> = [], body: BodyPolicy = .none,
        handler: @escaping Handler
    ) {
        self.method = method
        self.pattern = pattern
        self.queryParameters = query
        self.body = body
        self.handler = handler
        self.segments = Route.split(pattern).map { part -> Segment in
            guard part.hasPrefix("{"), part.hasSuffix("}") else { return .literal(String(part)) }
            return .parameter(String(part.dropFirst().dropLast()))
        }
    }

    static func split(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// The parameters if `path` fits the pattern; nil otherwise.
    func match(_ parts: [Substring]) -> [String: String]? {
        guard parts.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let text): if text != part { return nil }
            case .parameter(let name): parameters[name] = String(part)
            }
        }
        return parameters
    }
}
