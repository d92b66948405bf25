import Foundation
import OneWindowHTTP
import Testing

/// The dispatcher, without sockets.
@Suite("Routing requests to handlers", .timeLimit(.minutes(2)))
struct RouterTests {
    struct Echo: Codable { var text: String }

    let router = Router(routes: [
        Route("GET", "/items", query: ["q"]) { request in
            .json(["q": try request.queryValue("q") ?? ""])
        },
        Route("GET", "/items/{id}") { request in .json(["id": request.pathParameter("id")]) },
        Route("POST", "/items", body: .json) { request in
            .json(try request.decodeJSON(Echo.self), status: 201)
        },
        Route("GET", "/tagged") { _ in
            Response(
                prepared: PreparedResponse(headers: ["Content-Type": "text/plain"], body: Data("same".utf8), etag: true)
            )
        },
        Route("GET", "/fails") { _ in throw CancellationError() },
        Route("GET", "/refuses") { _ in throw HTTPError(.invalidParameter, "no") },
        Route.page("/page", query: ["q"], errorPage: Self.errorPage) { request in
            if try request.queryValue("q") == "fail" { throw HTTPError(.invalidParameter, "bad q") }
            if try request.queryValue("q") == "crash" { throw CancellationError() }
            return Response(status: 200, headers: ["Content-Type": "text/html"], body: Data("page".utf8))
        },
        Route("POST", "/page") { _ in .json(["posted": true]) },
    ])

    @Sendable static func errorPage(_ error: HTTPError) -> Response {
        Response(status: error.status, headers: ["Content-Type": "text/html"], body: Data("<p>\(error.code)</p>".utf8))
    }

    func errorCode(_ response: Response) -> String? {
        let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: [String: String]]
        return object?["error"]?["code"]
    }

    @Test("a path parameter reaches the handler")
    func pathParameter() {
        let response = router.respond(to: Request(method: "GET", path: "/items/A-1"))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"id":"A-1"}"#)
    }

    @Test("a parameter that starts with a combining mark is still its own segment")
    func combiningMarkAfterSlash() {
        // U+1F3FB (a skin-tone modifier) joins the `/` before it into one Character.
        let response = router.respond(to: Request(method: "GET", path: "/items/\u{1F3FB}x"))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"id":"\#u{1F3FB}x"}"#)
    }

    @Test("an unknown path is 404 route_not_found with a JSON error body")
    func unknownPath() {
        let response = router.respond(to: Request(method: "GET", path: "/nothing"))
        #expect(response.status == 404)
        #expect(errorCode(response) == "route_not_found")
        #expect(response.headers["Content-Type"] == Response.jsonContentType)
    }

    @Test("a known path with the wrong method is 405 with an Allow header listing every method")
    func wrongMethod() {
        let response = router.respond(to: Request(method: "DELETE", path: "/items"))
        #expect(response.status == 405)
        #expect(errorCode(response) == "method_not_allowed")
        #expect(response.headers["Allow"] == "GET, HEAD, POST")
    }

    @Test("HEAD is answered by the GET route")
    func head() {
        #expect(router.respond(to: Request(method: "HEAD", path: "/items/1")).status == 200)
    }

    @Test("an unknown query parameter is 400 unknown_parameter, a repeated one 400 invalid_parameter")
    func queryParameters() {
        let unknown = router.respond(to: Request(method: "GET", path: "/items", query: [("x", "1")]))
        #expect(unknown.status == 400)
        #expect(errorCode(unknown) == "unknown_parameter")
        let repeated = router.respond(to: Request(method: "GET", path: "/items", query: [("q", "1"), ("q", "2")]))
        #expect(repeated.status == 400)
        #expect(errorCode(repeated) == "invalid_parameter")
    }

    @Test("a body on a GET is 400 body_not_allowed")
    func bodyOnGet() {
        let response = router.respond(to: Request(method: "GET", path: "/items/1", body: Data("x".utf8)))
        #expect(response.status == 400)
        #expect(errorCode(response) == "body_not_allowed")
    }

    @Test("a JSON route refuses another media type with 415 and bad JSON with 400")
    func mediaType() {
        let body = Data(#"{"text":"你好"}"#.utf8)
        let plain = router.respond(
            to: Request(method: "POST", path: "/items", headers: ["Content-Type": "text/plain"], body: body))
        #expect(plain.status == 415)
        #expect(errorCode(plain) == "unsupported_media_type")
        let json = router.respond(
            to: Request(
                method: "POST", path: "/items", headers: ["content-type": "application/json; charset=utf-8"], body: body
            ))
        #expect(json.status == 201)
        #expect(String(decoding: json.body, as: UTF8.self) == #"{"text":"你好"}"#)
        let broken = router.respond(
            to: Request(
                method: "POST", path: "/items", headers: ["Content-Type": "application/json"], body: Data("{".utf8)))
        #expect(broken.status == 400)
        #expect(errorCode(broken) == "malformed_body")
    }

    @Test("If-None-Match with the current ETag gives 304 with no body; another tag gives 200")
    func conditionalGet() throws {
        let first = router.respond(to: Request(method: "GET", path: "/tagged"))
        let tag = try #require(first.headers["ETag"])
        let again = router.respond(to: Request(method: "GET", path: "/tagged", headers: ["If-None-Match": tag]))
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        #expect(again.headers["ETag"] == tag)
        let other = router.respond(to: Request(method: "GET", path: "/tagged", headers: ["If-None-Match": "\"other\""]))
        #expect(other.status == 200)
        let list = router.respond(
            to: Request(method: "GET", path: "/tagged", headers: ["If-None-Match": "\"x\", W/\(tag)"]))
        #expect(list.status == 304)
    }

    @Test("a handler's HTTPError becomes its status and code; any other error is 500 internal_error")
    func handlerErrors() {
        let refused = router.respond(to: Request(method: "GET", path: "/refuses"))
        #expect(refused.status == 400)
        #expect(errorCode(refused) == "invalid_parameter")
        let failed = router.respond(to: Request(method: "GET", path: "/fails"))
        #expect(failed.status == 500)
        #expect(errorCode(failed) == "internal_error")
    }

    @Test("equal bodies give equal ETags and different bodies different ones")
    func etags() {
        #expect(ETag.of(Data("a".utf8)) == ETag.of(Data("a".utf8)))
        #expect(ETag.of(Data("a".utf8)) != ETag.of(Data("b".utf8)))
        #expect(ETag.digest(Data()).count == 16)
    }

    @Test("a page route ignores query parameters it does not know, such as WeChat's and utm_*")
    func pageIgnoresUnknownQuery() {
        let request = Request(
            method: "GET", path: "/page",
            query: [("from", "singlemessage"), ("isappinstalled", "0"), ("utm_source", "x"), ("q", "ok")])
        let response = router.respond(to: request)
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "page")
    }

    @Test("an API route still refuses the same unknown parameters")
    func apiStillStrict() {
        let response = router.respond(to: Request(method: "GET", path: "/items", query: [("from", "singlemessage")]))
        #expect(response.status == 400)
        #expect(errorCode(response) == "unknown_parameter")
    }

    @Test("a page route answers its errors with its error page: thrown, repeated parameters, failures, 405")
    func pageErrors() {
        let thrown = router.respond(to: Request(method: "GET", path: "/page", query: [("q", "fail")]))
        #expect(thrown.status == 400 && String(decoding: thrown.body, as: UTF8.self) == "<p>invalid_parameter</p>")
        let repeated = router.respond(to: Request(method: "GET", path: "/page", query: [("q", "a"), ("q", "b")]))
        #expect(repeated.status == 400 && repeated.headers["Content-Type"] == "text/html")
        let crashed = router.respond(to: Request(method: "GET", path: "/page", query: [("q", "crash")]))
        #expect(crashed.status == 500 && String(decoding: crashed.body, as: UTF8.self) == "<p>internal_error</p>")
        let withBody = router.respond(to: Request(method: "GET", path: "/page", body: Data("x".utf8)))
        #expect(withBody.status == 400 && String(decoding: withBody.body, as: UTF8.self) == "<p>body_not_allowed</p>")
        let wrongMethod = router.respond(to: Request(method: "PUT", path: "/page"))
        #expect(wrongMethod.status == 405 && wrongMethod.headers["Content-Type"] == "text/html")
        #expect(wrongMethod.headers["Allow"] == "GET, HEAD, POST")
    }
}
