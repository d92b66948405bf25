import Dispatch
import Foundation
import OneWindowHTTP
import OneWindowTesting
import Synchronization
import Testing

/// Stopping a server while clients come and go. libmicrohttpd 0.9.75 aborted the whole process
/// in `MHD_quiesce_daemon` ("Failed to remove listen FD from epoll set") when a worker woke for
/// a new connection at the moment of the stop; the server no longer calls it.
@Suite("Stopping the HTTP server repeatedly", .timeLimit(.minutes(3)))
struct HTTPServerStopTests {
    static let cycles = 200
    static let clients = 2
    /// Each client's attempts on one server, so the test is bounded whatever the timing: enough
    /// to go on through the start of the stop (a few milliseconds), not so many that the
    /// connections' TIME_WAIT ports run out over 200 servers.
    static let attemptsPerServer = 30

    @Test("200 start/stop cycles while clients open and close connections: every stop returns, the process lives")
    func stopRepeatedly() throws {
        // The port of the server running now; 0 between a stop and the next start.
        let port = Atomic<UInt16>(0)
        let finished = Atomic<Bool>(false)
        let answered = Atomic<Int>(0)
        // Attempts made on the server running now, so each stop comes while clients are busy.
        let attemptsNow = Atomic<Int>(0)
        let group = DispatchGroup()
        for client in 0..<Self.clients {
            group.enter()
            Thread {
                defer { group.leave() }
                var (attempt, server) = (0, UInt16(0))
                while !finished.load(ordering: .relaxed) {
                    let now = port.load(ordering: .relaxed)
                    if now != server { (attempt, server) = (0, now) }
                    guard now != 0, attempt < Self.attemptsPerServer else {
                        // Between servers, or done with this one: pace, do not spin.
                        Thread.sleep(forTimeInterval: 0.001)
                        continue
                    }
                    attempt += 1
                    attemptsNow.add(1, ordering: .relaxed)
                    var http = TestHTTPClient(port: now)
                    http.timeoutSeconds = 2
                    // Bare connects wake the workers the way a kiosk's reconnect does; requests
                    // are answered, or closed unanswered once the stop has begun.
                    if (attempt + client) % 2 == 0 {
                        _ = http.canConnect()
                    } else if (try? http.get("/hello"))?.status == 200 {
                        answered.add(1, ordering: .relaxed)
                    }
                }
            }.start()
        }
        defer {
            finished.store(true, ordering: .relaxed)
            _ = group.wait(timeout: .now() + 30)
        }
        for cycle in 0..<Self.cycles {
            let (server, client) = try HTTPServerTests.server()
            #expect(try client.get("/hello").status == 200, "cycle \(cycle): the fresh server did not answer")
            attemptsNow.store(0, ordering: .relaxed)
            port.store(client.port, ordering: .relaxed)
            waitUntil(seconds: 5, interval: 0.001) { attemptsNow.load(ordering: .relaxed) >= Self.clients }
            let stopped = DispatchSemaphore(value: 0)
            Thread {
                // As `Application.stop` does: stop taking connections, then stop.
                server.quiesce()
                server.stop(gracePeriod: .seconds(5))
                stopped.signal()
            }.start()
            let returned = stopped.wait(timeout: .now() + 15) == .success
            port.store(0, ordering: .relaxed)
            try #require(returned, "cycle \(cycle): stop did not return within 15 s")
            #expect(!client.canConnect(), "cycle \(cycle): the stopped server still accepts connections")
        }
        #expect(answered.load(ordering: .relaxed) > 0, "no client request was answered in any cycle")
    }
}
