import Dispatch
import Foundation
import Logging
import OneWindowHTTP
import OneWindowTesting
import Testing

/// The libmicrohttpd server over real loopback sockets.
@Suite("Serving HTTP on libmicrohttpd", .timeLimit(.minutes(2)))
struct HTTPServerTests {
    /// Lets a test hold a request inside its handler and release it when it wants.
    final class Gate: Sendable {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
    }

    /// Deferred answers the test gives by hand.
    final class Pending: @unchecked Sendable {
        private let lock = NSLock()
        private var responders: [Responder] = []
        let arrived = DispatchSemaphore(value: 0)

        func add(_ responder: Responder) {
            lock.withLock { responders.append(responder) }
            arrived.signal()
        }

        func answerAll() {
            for responder in lock.withLock({ responders }) { responder.send(.json(["held": true])) }
        }
    }

    static func server(gate: Gate = Gate(), pending: Pending = Pending(), maxBodyBytes: Int = 1024, threads: Int = 2)
        throws -> (HTTPServer, TestHTTPClient)
    {
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.threads = threads
        configuration.maxBodyBytes = maxBodyBytes
        let router = Router(routes: [
            Route("POST", "/echo", body: .json) { request in
                Response(status: 200, headers: ["Content-Type": "application/json"], body: request.body)
            },
            Route("GET", "/hello", query: ["name"]) { request in
                .json(["hello": try request.queryValue("name") ?? "world"])
            },
            Route("GET", "/later") { _, responder in
                DispatchQueue.global().async { responder.send(.json(["later": true])) }
            },
            Route("GET", "/held") { _, responder in pending.add(responder) },
            Route("GET", "/slow") { _ in
                gate.entered.signal()
                _ = gate.release.wait(timeout: .now() + 30)  // a test that never releases still ends
                return .json(["done": true])
            },
        ])
        let server = HTTPServer(configuration: configuration, router: router, logger: Logger(label: "test"))
        let port = try server.start()
        return (server, TestHTTPClient(port: port))
    }

    @Test("a GET is answered, with percent-encoded Chinese query values decoded")
    func get() throws {
        let (server, client) = try Self.server()
        defer { server.stop() }
        let response = try client.get("/hello?name=%E4%BD%8E%E4%BF%9D")
        #expect(response.status == 200)
        #expect(response.json["hello"] as? String == "低保")
    }

    @Test("a JSON body is collected whole and reaches the handler")
    func postBody() throws {
        let (server, client) = try Self.server()
        defer { server.stop() }
        let body = Data(("{\"text\":\"" + String(repeating: "办", count: 300) + "\"}").utf8)
        let response = try client.send("POST", "/echo", headers: ["Content-Type": "application/json"], body: body)
        #expect(response.status == 200)
        #expect(response.body == body)
    }

    @Test("a body over the cap is 413 body_too_large, by Content-Length or when chunks add up")
    func oversizeBody() throws {
        let (server, client) = try Self.server(maxBodyBytes: 1024)
        defer { server.stop() }
        let big = Data(repeating: UInt8(ascii: "a"), count: 4096)
        let declared = try client.send("POST", "/echo", headers: ["Content-Type": "application/json"], body: big)
        #expect(declared.status == 413)
        #expect(declared.errorCode == "body_too_large")
        var chunked = Data(
            "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                .utf8)
        for _ in 0..<4 {
            chunked += Data("400\r\n".utf8) + Data(repeating: UInt8(ascii: "b"), count: 1024) + Data("\r\n".utf8)
        }
        chunked += Data("0\r\n\r\n".utf8)
        let streamed = try client.sendRaw(chunked)
        #expect(streamed.status == 413)
        #expect(streamed.errorCode == "body_too_large")
        #expect(try client.get("/hello").status == 200)
    }

    @Test("a deferred route answers from another thread, many times over on kept connections")
    func deferred() throws {
        let (server, client) = try Self.server()
        defer { server.stop() }
        for _ in 0..<50 {
            let response = try client.get("/later")
            #expect(response.status == 200)
            #expect(response.json["later"] as? Bool == true)
        }
    }

    @Test("a held deferred request does not hold a worker thread: other requests are answered meanwhile")
    func deferredFreesThread() throws {
        let pending = Pending()
        let (server, client) = try Self.server(pending: pending, threads: 1)
        defer { server.stop() }
        let result = Result<TestResponse, any Error>.Box()
        Thread { result.set(Result { try client.get("/held") }) }.start()
        #expect(pending.arrived.wait(timeout: .now() + 10) == .success)
        #expect(try client.get("/hello").status == 200)
        pending.answerAll()
        for _ in 0..<1000 where result.value == nil { Thread.sleep(forTimeInterval: 0.01) }
        let held = try #require(result.value).get()
        #expect(held.json["held"] as? Bool == true)
    }

    @Test("stop lets a request in flight finish, and closes new connections without an answer meanwhile")
    func gracefulStop() throws {
        let gate = Gate()
        let (server, client) = try Self.server(gate: gate)
        let result = Result<TestResponse, any Error>.Box()
        let requester = Thread { result.set(Result { try client.get("/slow") }) }
        requester.start()
        #expect(gate.entered.wait(timeout: .now() + 10) == .success, "the slow request never reached its handler")
        let stopped = DispatchSemaphore(value: 0)
        Thread {
            server.stop(gracePeriod: .seconds(30)); stopped.signal()
        }.start()
        // The listening socket stays open during the stop (MHD_quiesce_daemon is not called: it
        // can abort the process), so a new connection is accepted and closed at once, unanswered.
        // Until the stop has begun a request is still answered; wait (bounded) for the first
        // that is not. A request that lands on the held worker times out and is tried again.
        var quick = client
        quick.timeoutSeconds = 2
        let request = Data("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        let closedUnanswered = waitUntil(seconds: 10) { (try? quick.exchange(request))?.raw.isEmpty == true }
        #expect(closedUnanswered, "new connections were still answered during shutdown")
        #expect(stopped.wait(timeout: .now()) == .timedOut, "stop returned while a request was in flight")
        gate.release.signal()
        #expect(stopped.wait(timeout: .now() + 10) == .success)
        let response = try #require(result.value).get()
        #expect(response.status == 200)
        #expect(response.json["done"] as? Bool == true)
    }

    @Test("the server counts a held request as in flight, and none once every request has completed")
    func inFlightCount() throws {
        let gate = Gate()
        let (server, client) = try Self.server(gate: gate)
        defer { server.stop() }
        for _ in 0..<5 { _ = try client.get("/hello") }
        Thread { _ = try? client.get("/slow") }.start()
        #expect(gate.entered.wait(timeout: .now() + 10) == .success)
        #expect(server.requestsInFlight >= 1)
        gate.release.signal()
        // The completion callback runs just after the client has read the response; wait for it, bounded.
        var settled = false
        for _ in 0..<500 where !settled {
            settled = server.requestsInFlight == 0
            if !settled { Thread.sleep(forTimeInterval: 0.01) }
        }
        #expect(settled, "\(server.requestsInFlight) requests still counted in flight")
    }

    @Test("a host that is not an address is refused before anything starts")
    func badHost() {
        var configuration = HTTPServer.Configuration()
        configuration.host = "hall.example"
        let server = HTTPServer(configuration: configuration, router: Router(routes: []), logger: Logger(label: "test"))
        #expect(throws: HTTPServer.StartError.self) { try server.start() }
    }
}

extension Result where Failure == any Error {
    /// A result filled in by another thread.
    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Result?

        func set(_ result: Result) {
            lock.withLock { stored = result }
        }

        var value: Result? { lock.withLock { stored } }
    }
}
