import Foundation
import Logging
import OneWindowHTTP
import Synchronization

/// The city's catalogue answer, on 127.0.0.1 and the project's own HTTP server: `GET
/// /catalogue` answers the file with its `ETag` and `X-OneWindow-Signature`, and 304 to an
/// `If-None-Match` that names the ETag. Tests change what it serves, or make it fail.
public final class CatalogueServer: Sendable {
    /// What the next requests get.
    public enum Answer: Sendable {
        /// 200 with the body, `ETag` of its bytes, and the signature header if any.
        case file(Data, signature: String?)
        /// That status with an empty body.
        case status(Int)
        /// A response built once, as the city's route sends `SignedCatalogue.response`: the
        /// router answers a matching `If-None-Match` with 304 itself.
        case prepared(PreparedResponse)
    }

    /// How each request was answered: 200, 304, or the scripted status.
    public struct Served: Sendable, Equatable {
        public var status: Int
        public var ifNoneMatch: String?
    }

    public let port: UInt16
    private let server: HTTPServer
    private let script: Script

    /// What to answer and what was answered, shared with the route's handler.
    private final class Script: Sendable {
        let state: Mutex<(answer: Answer, served: [Served])>
        init(_ answer: Answer) { state = Mutex((answer, [])) }
    }

    public init(_ answer: Answer) throws {
        let script = Script(answer)
        self.script = script
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.accessLog = false
        let route = Route("GET", "/catalogue") { request in
            let ifNoneMatch = request.headers["If-None-Match"]
            let response: Response
            switch script.state.withLock({ $0.answer }) {
            case .status(let status):
                response = Response(status: status)
            case .prepared(let prepared):
                // The router turns it into a 304 for a matching If-None-Match; recorded as sent.
                let matches = ifNoneMatch.map { ETag.matches($0, prepared.etag ?? "") } ?? false
                script.state.withLock {
                    $0.served.append(Served(status: matches ? 304 : 200, ifNoneMatch: ifNoneMatch))
                }
                return Response(prepared: prepared)
            case .file(let body, let signature):
                let tag = ETag.of(body)
                if let ifNoneMatch, ETag.matches(ifNoneMatch, tag) {
                    response = Response(status: 304, headers: ["ETag": tag])
                } else {
                    var headers: HTTPHeaders = ["Content-Type": "application/json", "ETag": tag]
                    if let signature { headers.add("X-OneWindow-Signature", signature) }
                    response = Response(status: 200, headers: headers, body: body)
                }
            }
            script.state.withLock { $0.served.append(Served(status: response.status, ifNoneMatch: ifNoneMatch)) }
            return response
        }
        var logger = Logger(label: "onewindow.test.city")
        logger.logLevel = .error
        server = HTTPServer(
            configuration: configuration, router: Router(routes: [route], logger: logger), logger: logger)
        port = try server.start()
    }

    /// The catalogue's URL.
    public var url: URL { URL(string: "http://127.0.0.1:\(port)/catalogue")! }

    /// Serves `answer` from the next request on.
    public func answer(_ answer: Answer) { script.state.withLock { $0.answer = answer } }

    /// Every request so far, in order.
    public var served: [Served] { script.state.withLock { $0.served } }

    public func stop() { server.stop(gracePeriod: .seconds(1)) }
}
