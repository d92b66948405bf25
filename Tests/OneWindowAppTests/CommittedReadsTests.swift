import Foundation
import GRDB
import OneWindowStorage
import OneWindowTesting
import Synchronization
import Testing

@testable import OneWindowApp

/// Reads answer from the last commit only: a change whose commit is in progress, or failed, is
/// in no read, and is in every read once its answer was sent. (While a commit is held, each
/// read waits the configured `readWait` for it, then reads the database.)
@Suite("Reads show only what is on disk", .timeLimit(.minutes(2)))
struct CommittedReadsTests {
    /// An app whose commits a trigger can hold with `gate`, and a pool to install triggers in;
    /// its reads wait `readWait` for a commit in progress.
    func app(
        _ gate: CommitGate, readWait: TimeInterval = QueueService.defaultReadWait
    ) throws -> (TestApplication, DatabasePool) {
        let directory = try TemporaryDirectory()
        var configuration = Storage.configuration()
        gate.install(in: &configuration)
        let pool = try DatabasePool(path: directory.path("held.sqlite"), configuration: configuration)
        let storage = try Storage(writer: pool)
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.storage = storage
            $0.readWait = readWait
        }
        return (app, pool)
    }

    /// Sends `request` on another thread; `wait()` gives its answer.
    final class Pending: Sendable {
        private let answer = Mutex<Result<TestResponse, any Error>?>(nil)
        private let done = DispatchSemaphore(value: 0)

        init(_ request: @escaping @Sendable () throws -> TestResponse) {
            DispatchQueue.global().async { [self] in
                answer.withLock { $0 = Result { try request() } }
                done.signal()
            }
        }

        func wait() throws -> TestResponse {
            guard done.wait(timeout: .now() + 30) == .success else { throw CancellationError() }
            return try answer.withLock { $0! }.get()
        }
    }

    /// Waiting tickets of letter C, as `GET /api/v1/queue` shows them.
    func waitingC(_ app: TestApplication) throws -> Int? {
        let queues = try app.client.get("/api/v1/queue").json["queues"] as? [[String: Any]]
        return queues?.first { $0["prefix"] as? String == "C" }?["waiting"] as? Int
    }

    /// The applied queue's ticket of `service` (the test's window into the commit thread).
    func appliedTicket(_ app: TestApplication, service: String) -> String? {
        app.application.state.queue.state.withLock { state in
            state.queue.tickets.values.first { $0.serviceId == service }?.id
        }
    }

    func holdIssues(_ pool: DatabasePool) throws {
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER hold_issue BEFORE INSERT ON ticket WHEN NEW.service_id = 'T-JZ-002'
                    BEGIN SELECT hold_commit(); END
                    """)
        }
    }

    @Test("a ticket whose commit is in progress is in no read, and in every read once its 201 is sent")
    func issueHeldThenCommitted() throws {
        let gate = CommitGate()
        let (app, pool) = try app(gate)
        defer {
            gate.pass()
            app.stop()
        }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        try holdIssues(pool)
        #expect(try waitingC(app) == 0)
        #expect(try app.issue(token: kiosk, service: "T-JZ-001").status == 201)
        let held = Pending { try app.issue(token: kiosk, service: "T-JZ-002") }
        #expect(gate.waitUntilHeld(), "the second ticket's commit never started")
        let id = try #require(appliedTicket(app, service: "T-JZ-002"), "the applied queue does not hold it")
        #expect(try waitingC(app) == 1)
        #expect(try app.client.get("/api/v1/tickets/\(id)").status == 404)
        #expect(try app.client.get("/t/\(id)").status == 404)
        #expect(app.application.state.queue.read { $0.tickets[id] } == nil)
        gate.pass()
        let answer = try held.wait()
        #expect(answer.status == 201 && answer.json["id"] as? String == id, "\(answer.text)")
        #expect(try waitingC(app) == 2)
        #expect(try app.client.get("/api/v1/tickets/\(id)").json["number"] as? String == "C002")
        #expect(try app.client.get("/t/\(id)").status == 200)
    }

    @Test("a read that comes during a commit waits for it and answers with its change")
    func readWaitsForTheCommit() throws {
        let gate = CommitGate()
        // The read must still be waiting when the commit goes on: with the daemon's 0.5 s, a slow
        // disk or a busy machine between the read's arrival and the commit's fsync would make it
        // read the database first and see the old queue.
        let (app, pool) = try app(gate, readWait: 60)
        defer {
            gate.pass()
            app.stop()
        }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        try holdIssues(pool)
        #expect(try app.issue(token: kiosk, service: "T-JZ-001").status == 201)
        let held = Pending { try app.issue(token: kiosk, service: "T-JZ-002") }
        #expect(gate.waitUntilHeld(), "the second ticket's commit never started")
        let read = Pending { try app.client.get("/api/v1/queue") }
        let reads = app.application.state.queue.reads
        let deadline = Date().addingTimeInterval(30)
        while reads.waitingReads == 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.001) }
        #expect(reads.waitingReads == 1, "the read did not wait for the commit")
        gate.pass()
        #expect(try held.wait().status == 201)
        let queues = try read.wait().json["queues"] as? [[String: Any]]
        #expect(queues?.first { $0["prefix"] as? String == "C" }?["waiting"] as? Int == 2, "\(queues ?? [])")
        #expect(reads.waitingReads == 0)
    }

    @Test("a ticket whose commit fails is in no read, during the commit or after its 503")
    func issueHeldThenFailed() throws {
        let gate = CommitGate()
        let (app, pool) = try app(gate)
        defer {
            gate.pass()
            app.stop()
        }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        try holdIssues(pool)
        #expect(try waitingC(app) == 0)
        #expect(try app.issue(token: kiosk, service: "T-JZ-001").status == 201)
        let held = Pending { try app.issue(token: kiosk, service: "T-JZ-002") }
        #expect(gate.waitUntilHeld(), "the second ticket's commit never started")
        let id = try #require(appliedTicket(app, service: "T-JZ-002"))
        #expect(try waitingC(app) == 1)
        gate.fail()
        let answer = try held.wait()
        #expect(answer.status == 503 && answer.errorCode == "storage_unavailable", "\(answer.text)")
        #expect(try waitingC(app) == 1)
        #expect(try app.client.get("/api/v1/tickets/\(id)").status == 404)
        // The number the failed ticket had is given again, and only now shown.
        try pool.write { try $0.execute(sql: "DROP TRIGGER hold_issue") }
        let next = try app.issue(token: kiosk, service: "T-JZ-002")
        #expect(next.status == 201 && next.json["number"] as? String == "C002", "\(next.text)")
        #expect(try waitingC(app) == 2)
    }

    @Test("a call whose commit is in progress shows on no window, and shows once the clerk's 200 is sent")
    func callHeldThenCommitted() throws {
        let gate = CommitGate()
        let (app, pool) = try app(gate)
        defer {
            gate.pass()
            app.stop()
        }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        let clerk = try app.createToken(role: .clerk, name: "window-1", window: "1")
        let issued = try app.issue(token: kiosk, service: "T-JZ-001")
        let id = try #require(issued.json["id"] as? String)
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER hold_call BEFORE UPDATE ON ticket WHEN NEW.status = 'called'
                    BEGIN SELECT hold_commit(); END
                    """)
        }
        func windowOne() throws -> [String: Any]? {
            let windows = try app.client.get("/api/v1/windows").json["windows"] as? [[String: Any]]
            return windows?.first { $0["id"] as? String == "1" }
        }
        #expect(try windowOne()?["currentTicket"] == nil)
        let call = Pending { try app.post("/api/v1/windows/1/call-next", token: clerk, json: "") }
        #expect(gate.waitUntilHeld(), "the call's commit never started")
        #expect(app.application.state.queue.state.withLock { $0.queue.tickets[id]?.status } == .called)
        #expect(try windowOne()?["currentTicket"] == nil)
        #expect(try app.client.get("/api/v1/tickets/\(id)").json["status"] as? String == "waiting")
        let lastCalls = try app.client.get("/api/v1/queue").json["lastCalls"] as? [[String: Any]]
        #expect(lastCalls?.isEmpty == true, "\(lastCalls ?? [])")
        gate.pass()
        #expect(try call.wait().status == 200)
        #expect(try windowOne()?["currentTicket"] as? String == issued.json["number"] as? String)
        #expect(try app.client.get("/api/v1/tickets/\(id)").json["status"] as? String == "called")
    }
}
