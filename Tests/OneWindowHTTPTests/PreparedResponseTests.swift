import Foundation
import Logging
import OneWindowTesting
import Testing

@testable import OneWindowHTTP

/// Prepared responses hold their bytes once: libmicrohttpd sends from `body`'s own storage.
@Suite("Prepared responses", .timeLimit(.minutes(2)))
struct PreparedResponseTests {
    static let long = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    static let short = Data("ok!".utf8)

    @Test("a long body is sent from its own storage: one copy, not two")
    func oneCopy() {
        let prepared = PreparedResponse(headers: ["Content-Type": "text/plain"], body: Self.long)
        #expect(prepared.body == Self.long)
        #expect(prepared.body.withUnsafeBytes { $0.baseAddress } == prepared.sentBytes)
    }

    @Test("a body short enough for Data to keep inline is sent from a copy that lives as long")
    func shortBody() {
        for body in [Data(), Self.short] {
            let prepared = PreparedResponse(headers: ["Content-Type": "text/plain"], body: body)
            #expect(prepared.body == body)
            #expect(prepared.sentBytes != nil)
        }
    }

    @Test("long, short and empty prepared bodies arrive whole, again and again, on kept connections")
    func served() throws {
        let long = PreparedResponse(headers: ["Content-Type": "application/octet-stream"], body: Self.long, etag: true)
        let short = PreparedResponse(headers: ["Content-Type": "text/plain"], body: Self.short)
        let empty = PreparedResponse(status: 200, headers: ["Content-Type": "text/plain"], body: Data())
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        let router = Router(routes: [
            Route("GET", "/long") { _ in Response(prepared: long) },
            Route("GET", "/short") { _ in Response(prepared: short) },
            Route("GET", "/empty") { _ in Response(prepared: empty) },
        ])
        let server = HTTPServer(configuration: configuration, router: router, logger: Logger(label: "test"))
        let client = TestHTTPClient(port: try server.start())
        defer { server.stop() }
        for _ in 0..<20 {
            let answers = try (client.get("/long"), client.get("/short"), client.get("/empty"))
            #expect(answers.0.status == 200 && answers.0.body == Self.long)
            #expect(answers.1.status == 200 && answers.1.body == Self.short)
            #expect(answers.2.status == 200 && answers.2.body.isEmpty)
        }
    }
}
