import Foundation
import OneWindowKiosk
import OneWindowTesting
import Testing

/// A kiosk's ticket request in flight when the daemon dies: the daemon committed the ticket,
/// the answer never arrived. The retry must bring back that ticket, not a second one.
@Suite("Retry across a killed daemon", .timeLimit(.minutes(2)))
struct KilledDaemonTests {
    @Test("a retry after the daemon was killed mid-request resends the same key and gets the same, only ticket")
    func killedInFlight() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.path("onewindow.sqlite")
        let token = try DaemonTokens.create(role: "kiosk", name: "kiosk-1", database: database)
        let arguments = ["--database", database, "--catalogue", Fixtures.validCatalogue, "--closing-time", "none"]
        let first = try DaemonProcess(arguments: arguments)
        // Lose the answer to the first ticket request, and kill the daemon that gave it.
        let proxy = try AnswerDroppingProxy(upstream: first.port) { head, dropped in
            head.hasPrefix("POST /api/v1/tickets ") && dropped == 0
        }
        defer { proxy.stop() }
        let client = HTTPDaemonClient(
            baseURL: URL(string: "http://127.0.0.1:\(proxy.port)")!, token: token,
            issueBackoff: Backoff(initial: 0.05, maximum: 0.2))
        let issuing = Task {
            try await client.issue(IssueRequest(serviceId: "T-HY-001", priority: false), idempotencyKey: "kiosk-1-0001")
            {
                _, _ in
            }
        }
        #expect(await Polling.eventually { proxy.dropped.count == 1 })
        proxy.setUpstream(nil)
        first.signal(SIGKILL)
        _ = first.waitForExit()
        let second = try DaemonProcess(arguments: arguments)
        defer {
            second.signal(SIGTERM)
            _ = second.waitForExit()
        }
        proxy.setUpstream(second.port)
        let ticket = try await issuing.value
        let lost =
            try JSONSerialization.jsonObject(with: try #require(proxy.dropped.first).answerBody) as? [String: Any]
        #expect(ticket.id == lost?["id"] as? String)
        #expect(ticket.number == "A001")
        let posts = proxy.requests.filter { $0.hasPrefix("POST /api/v1/tickets ") }
        #expect(posts.count >= 2)
        #expect(posts.allSatisfy { $0.contains("Idempotency-Key: kiosk-1-0001\r\n") })
        let queue = try await client.queue()
        #expect(queue.queues.first { $0.prefix == "A" }?.waiting == 1)
    }
}

/// Device tokens made with `onewindowd token create` before a daemon process starts.
enum DaemonTokens {
    /// A clerk token belongs to `window` of `catalogue`.
    static func create(
        role: String, name: String, database: String, window: String? = nil, catalogue: String = Fixtures.validCatalogue
    ) throws -> String {
        let place = window.map { ["--window", $0, "--catalogue", catalogue] } ?? []
        let result = try DaemonProcess.run(
            ["token", "create", "--role", role, "--name", name, "--database", database] + place)
        guard result.status == 0,
            let range = result.output.range(of: #"ow_[A-Za-z0-9_\-]+"#, options: .regularExpression)
        else { throw TokenFailure(output: result.output) }
        return String(result.output[range])
    }
}

struct TokenFailure: Error {
    var output: String
}

/// Waits for a condition with a bounded deadline, polling.
enum Polling {
    static func until(timeoutSeconds: Double = 15, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition()
    }

    /// The same from async code: it sleeps without holding one of the few threads that the
    /// tasks under test need (two on a two-core machine).
    static func eventually(timeoutSeconds: Double = 15, _ condition: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            if condition() { return true }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        return condition()
    }
}
