import Foundation
import OneWindowKiosk
import OneWindowTesting
import Synchronization
import Testing

/// The kiosk's HTTP client against the real daemon, in process.
@Suite("HTTP client against the daemon", .timeLimit(.minutes(2)))
struct DaemonClientTests {
    let app: TestApplication
    let kiosk: HTTPDaemonClient
    let clerk: HTTPDaemonClient

    init() throws {
        app = try TestApplication(catalogue: Fixtures.validCatalogue)
        let base = URL(string: "http://127.0.0.1:\(app.port)")!
        kiosk = HTTPDaemonClient(baseURL: base, token: try app.createToken(role: .kiosk, name: "kiosk-1"))
        clerk = HTTPDaemonClient(baseURL: base, token: try app.createToken(role: .clerk, name: "clerk-1"))
    }

    @Test("it reads the hall, the catalogue and a guide with its materials")
    func catalogue() async throws {
        defer { app.stop() }
        let hall = try await kiosk.hall()
        #expect(hall.name == "测试政务服务大厅")
        #expect(hall.windows.map(\.id) == ["1", "2"])
        #expect(hall.windows[1].serves("T-HY-001") && !hall.windows[1].serves("T-JZ-001"))
        let services = try await kiosk.services(query: nil)
        #expect(services.map(\.id).contains("T-HY-001"))
        #expect(try await kiosk.services(query: "低保").first?.id == "T-JZ-001")
        let guide = try await kiosk.guide(serviceId: "T-HY-001")
        #expect(guide.materials.map(\.name) == ["居民身份证", "户口簿", "近期半身免冠合影照片"])
    }

    @Test("the same Idempotency-Key gets the same ticket back, never a second one")
    func idempotent() async throws {
        defer { app.stop() }
        let request = IssueRequest(serviceId: "T-HY-001", priority: false)
        let first = try await kiosk.issue(request, idempotencyKey: "k-1") { _, _ in }
        let again = try await kiosk.issue(request, idempotencyKey: "k-1") { _, _ in }
        #expect(first.id == again.id && first.number == "A001")
        let other = try await kiosk.issue(request, idempotencyKey: "k-2") { _, _ in }
        #expect(other.number == "A002")
        #expect(try await kiosk.queue().queues.first { $0.prefix == "A" }?.waiting == 2)
    }

    @Test("a clerk calls and completes a ticket; a refusal carries the daemon's code")
    func clerkFlow() async throws {
        defer { app.stop() }
        let issued = try await kiosk.issue(IssueRequest(serviceId: "T-JZ-001", priority: false), idempotencyKey: "k") {
            _, _ in
        }
        let called = try #require(try await clerk.clerk(.callNext(window: "1")))
        #expect(called.id == issued.id && called.status == "called" && called.window == "1")
        await #expect {
            _ = try await clerk.clerk(.callNext(window: "1"))
        } throws: { error in
            (error as? DaemonError)?.code == "window_busy"
        }
        let done = try await clerk.clerk(
            .complete(ticketId: issued.id, window: "1", outcome: .completed, missingMaterials: [], note: nil))
        #expect(done?.status == "completed")
        #expect(try await clerk.clerk(.callNext(window: "1")) == nil)
        let windows = try await clerk.windows()
        #expect(windows.first { $0.id == "1" }?.currentTicket == nil)
    }

    @Test("a kiosk token cannot call tickets: 403, not retried")
    func forbidden() async throws {
        defer { app.stop() }
        await #expect {
            _ = try await kiosk.clerk(.callNext(window: "1"))
        } throws: { error in
            (error as? DaemonError)?.code == "forbidden" && (error as? DaemonError)?.isTransient == false
        }
    }

    @Test("an unreachable daemon is retried with backoff, then reported as unreachable")
    func unreachable() async throws {
        app.stop()
        let client = HTTPDaemonClient(
            baseURL: URL(string: "http://127.0.0.1:\(app.port)")!, token: "ow_x",
            issueBackoff: Backoff(initial: 0.01, maximum: 0.02, attempts: 3))
        let attempts = AttemptCounter()
        await #expect {
            _ = try await client.issue(IssueRequest(serviceId: "T-HY-001", priority: false), idempotencyKey: "k") {
                attempt, _ in
                attempts.record(attempt)
            }
        } throws: { error in
            if case .unreachable = error as? DaemonError { return true }
            return false
        }
        #expect(attempts.values == [1, 2])
    }

    @Test("backoff doubles up to its ceiling and honours a longer Retry-After")
    func backoff() {
        let backoff = Backoff(initial: 0.5, factor: 2, maximum: 10)
        #expect((1...7).map { backoff.delay(after: $0) } == [0.5, 1, 2, 4, 8, 10, 10])
        #expect(backoff.delay(after: 1, retryAfter: 3) == 3)
    }
}

/// Attempts reported by a retry loop, from whatever thread reports them.
final class AttemptCounter: Sendable {
    private let list = Mutex<[Int]>([])
    func record(_ attempt: Int) { list.withLock { $0.append(attempt) } }
    var values: [Int] { list.withLock { $0 } }
}
