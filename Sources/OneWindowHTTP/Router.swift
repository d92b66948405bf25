import Logging

/// The dispatcher over a route table. It answers 404, 405 (with `Allow`), unknown query
/// parameters (where the route rejects them), bodies where none belong, wrong media types and
/// conditional GETs itself, so handlers only see requests their route accepts. Errors on a
/// route with an error page are answered by that page.
///
/// It needs no socket: tests call `respond(to:)` directly, and `HTTPServer` calls it too.
public struct Router: Sendable {
    /// Checks a request's credentials for a route that names roles: the device, or a 401/403.
    public typealias Authenticator = @Sendable (Request, Set<String>) throws(HTTPError) -> Device

    public let routes: [Route]
    private let logger: Logger
    private let authenticate: Authenticator
    /// The routes' indices by how many path segments they have: a request is matched only
    /// against routes of its own length (lookups are the hot path).
    private let bySegmentCount: [Int: [Int]]
    /// The error page for a request that fits no route's path, if it should get one (a person
    /// following a broken link gets a page, an API client the JSON error).
    private let unmatchedPage: @Sendable (Request) -> Route.ErrorPage?

    /// - Parameters:
    ///   - authenticate: how `.device` and `.optionalDevice` routes check a request; without
    ///     one, such routes answer 401 to everyone.
    ///   - unmatchedPage: the error page, if any, for a request whose path no route has.
    public init(
        routes: [Route], logger: Logger = Logger(label: "onewindow.http"),
        unmatchedPage: @escaping @Sendable (Request) -> Route.ErrorPage? = { _ in nil },
        authenticate: Authenticator? = nil
    ) {
        self.routes = routes
        self.logger = logger
        self.unmatchedPage = unmatchedPage
        var index: [Int: [Int]] = [:]
        for (position, route) in routes.enumerated() { index[route.segments.count, default: []].append(position) }
        self.bySegmentCount = index
        // Not `??`: Swift 6.3's SIL generation crashes on a typed-throws function in an autoclosure.
        if let authenticate {
            self.authenticate = authenticate
        } else {
            self.authenticate = Self.refuseEveryone
        }
    }

    private static func refuseEveryone(_ request: Request, _ roles: Set<String>) throws(HTTPError) -> Device {
        throw HTTPError(.unauthorized, "this server accepts no device tokens")
    }

    /// Answers `request` through `answer`, at once for ordinary routes, later for deferred ones.
    /// The answer is a `ResponseBuilder`, built by whoever sends it.
    public func respond(to request: Request, answer: @escaping @Sendable (@escaping ResponseBuilder) -> Void) {
        var pathRoute: Int?
        var device: String?
        do {
            let (found, matched) = try self.route(for: request, pathRoute: &pathRoute, device: &device)
            let route = routes[found]
            let pattern = route.pattern
            let deviceName = device
            switch route.action {
            case .immediate(let handler):
                var response = Self.conditional(try handler(matched), for: matched)
                response.routePattern = pattern
                response.deviceName = deviceName
                let answered = response
                answer { answered }
            case .deferred(let handler):
                try handler(
                    matched,
                    Responder { build in
                        answer {
                            var response = Self.conditional(build(), for: matched)
                            response.routePattern = pattern
                            response.deviceName = deviceName
                            return response
                        }
                    })
            }
        } catch {
            let page = pathRoute.map { routes[$0] }
            var response = errorResponse(error, request, page: page.map(\.errorPage) ?? unmatchedPage(request))
            response.routePattern = page?.pattern
            response.deviceName = device
            let answered = response
            answer { answered }
        }
    }

    /// Answers `request` and waits for the answer, for callers that have nothing else to do.
    public func respond(to request: Request) -> Response {
        let box = AnswerBox()
        respond(to: request) { box.set($0) }
        return box.wait()
    }

    /// The answer to a request whose target could not be decoded, so no route can be chosen:
    /// the error page when a person asked for a page (as for a path no route has), else JSON.
    /// The route whose shape the path as sent fits (its literal segments as they are) decides,
    /// as for any other error: a page's form gets the error page, an API route the JSON error.
    public func answer(_ error: HTTPError, toUndecodable request: Request) -> Response {
        // A target that is not UTF-8 reaches here as an empty path: no route can be said to fit.
        let parts = Route.split(request.path)
        let fitting =
            request.path.isEmpty
            ? nil : (bySegmentCount[parts.count] ?? []).lazy.map { self.routes[$0] }.first { $0.match(parts) != nil }
        let page: Route.ErrorPage? = if let fitting { fitting.errorPage } else { unmatchedPage(request) }
        var response = errorResponse(error, request, page: page)
        response.routePattern = fitting?.pattern
        return response
    }

    /// The error reply, as the route's error page when it has one (with the error's headers).
    private func errorResponse(_ error: any Error, _ request: Request, page: Route.ErrorPage?) -> Response {
        var failure = HTTPError(.internalError, "the server could not answer this request")
        if let error = error as? HTTPError {
            failure = error
        } else {
            logger.error("handler failed", metadata: ["path": "\(request.path)", "error": "\(error)"])
        }
        guard let page else { return .error(failure) }
        var response = page(failure)
        for field in failure.headers.all { response.headers.add(field.name, field.value) }
        return response
    }

    /// The route for the request, with path parameters set, after every check the table implies.
    /// `pathRoute` is set to the first route whose path fits, whose error page then answers errors.
    /// `device` is set to the accepted device's name, so a refusal after it (403 `wrong_window`)
    /// is logged under the device too.
    private func route(for request: Request, pathRoute: inout Int?, device: inout String?) throws -> (Int, Request) {
        let parts = Route.split(request.path)
        var allowed: [String] = []
        // A path that a route names literally is that route's alone: `/api/v1/appointments/slots`
        // is not also a booking `{code}`, neither to answer nor in `Allow`.
        let fitting = (bySegmentCount[parts.count] ?? []).compactMap { index in
            routes[index].match(parts).map { (index, $0) }
        }
        let literals = fitting.map { routes[$0.0].literalCount }.max() ?? 0
        for (index, parameters) in fitting where routes[index].literalCount == literals {
            let route = routes[index]
            if pathRoute == nil { pathRoute = index }
            let methodFits = route.method == request.method || (request.method == "HEAD" && route.method == "GET")
            guard methodFits else {
                allowed.append(route.method)
                if route.method == "GET" { allowed.append("HEAD") }
                continue
            }
            var request = request
            request.pathParameters = parameters
            switch route.access {
            case .open: break
            case .device(let roles): request.device = try authenticate(request, roles)
            case .window(let roles):
                request.device = try authenticate(request, roles)
                device = request.device?.name
                if let window = parameters["window"] { try request.authorizeWindow(window) }
            case .optionalDevice(let roles):
                if request.headers["Authorization"] != nil { request.device = try authenticate(request, roles) }
            }
            device = request.device?.name
            try Self.check(request, against: route)
            return (index, request)
        }
        guard allowed.isEmpty else {
            let allow = Array(Set(allowed)).sorted().joined(separator: ", ")
            throw HTTPError(
                .methodNotAllowed, "\(request.method) is not allowed on \(request.path); use \(allow)",
                headers: ["Allow": allow])
        }
        throw HTTPError(.routeNotFound, "no such path: \(request.path)")
    }

    private static func check(_ request: Request, against route: Route) throws(HTTPError) {
        if route.unknownQuery == .reject,
            let unknown = request.query.first(where: { !route.queryParameters.contains($0.name) })
        {
            let known = route.queryParameters.sorted().joined(separator: ", ")
            throw HTTPError(
                .unknownParameter,
                "unknown query parameter “\(unknown.name)”"
                    + (known.isEmpty ? "; this path takes none" : "; known: \(known)"))
        }
        switch route.body {
        case .none where !request.body.isEmpty:
            throw HTTPError(.bodyNotAllowed, "\(request.method) \(route.pattern) takes no request body")
        case .json:
            let type = request.headers["Content-Type"]?.lowercased() ?? ""
            guard type == "application/json" || type.hasPrefix("application/json;") else {
                throw HTTPError(.unsupportedMediaType, "the body must be application/json")
            }
        case .form:
            let type = request.headers["Content-Type"]?.lowercased() ?? ""
            guard type == "application/x-www-form-urlencoded" || type.hasPrefix("application/x-www-form-urlencoded;")
            else {
                throw HTTPError(.unsupportedMediaType, "the body must be application/x-www-form-urlencoded")
            }
        default:
            break
        }
    }

    /// Turns a 200 into a 304 when the client already holds the same entity.
    private static func conditional(_ response: Response, for request: Request) -> Response {
        guard request.method == "GET" || request.method == "HEAD", response.status == 200,
            let tag = response.prepared?.etag ?? response.headers["ETag"],
            let ifNoneMatch = request.headers["If-None-Match"], ETag.matches(ifNoneMatch, tag)
        else { return response }
        var headers: HTTPHeaders = ["ETag": tag]
        if let cache = response.headers["Cache-Control"] { headers.add("Cache-Control", cache) }
        return Response(status: 304, headers: headers)
    }
}
