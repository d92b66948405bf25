import Foundation
import GRDB
import OneWindowStorage
import OneWindowTesting
import Synchronization
import Testing

@testable import OneWindowApp

/// The group commit with faults injected into the database: a failing write fails only its
/// own request, and memory never runs ahead of the disk.
@Suite("The commit path under injected faults", .timeLimit(.minutes(2)))
struct CommitPathTests {
    /// An app over a database the test can reach, to install faults in it.
    func app(_ configure: (inout AppConfiguration) -> Void = { _ in }) throws -> (TestApplication, DatabasePool) {
        let directory = try TemporaryDirectory()
        let pool = try DatabasePool(path: directory.path("faulty.sqlite"), configuration: Storage.configuration())
        let storage = try Storage(writer: pool)
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.storage = storage
            configure(&$0)
        }
        return (app, pool)
    }

    @Test("a ticket whose write fails gets 503 while the rest of its group commits and is answered 201")
    func oneFailingJobFailsAlone() throws {
        let (app, pool) = try app()
        defer { app.stop() }
        // Every ticket of T-JZ-002 fails in the database; T-JZ-001 tickets must not care.
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER inject_fault BEFORE INSERT ON ticket WHEN NEW.service_id = 'T-JZ-002'
                    BEGIN SELECT RAISE(ABORT, 'injected fault'); END
                    """)
        }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        let statuses = Mutex<[String: [Int]]>([:])
        let numbers = Mutex<[String]>([])
        let lost = Mutex<[String]>([])
        let finished = TestApplication.concurrently(8) { index in
            for round in 0..<15 {
                let service = (index + round) % 3 == 0 ? "T-JZ-002" : "T-JZ-001"
                // A transport error fails the test, and this client stops: nothing is left out
                // of the count quietly.
                let response: TestResponse
                do {
                    response = try app.issue(token: kiosk, service: service)
                } catch {
                    lost.withLock { $0.append("ticket \(round) of client \(index): \(error)") }
                    return
                }
                statuses.withLock { $0[service, default: []].append(response.status) }
                if response.status == 201, let number = response.json["number"] as? String {
                    numbers.withLock { $0.append(number) }
                }
            }
        }
        #expect(finished, "the concurrent requests did not finish in time")
        #expect(lost.withLock { $0 }.isEmpty, "requests without an answer: \(lost.withLock { $0 })")
        let seen = statuses.withLock { $0 }
        #expect(Set(seen.keys) == ["T-JZ-001", "T-JZ-002"], "\(seen)")
        #expect(seen["T-JZ-001"]?.allSatisfy { $0 == 201 } == true, "\(seen)")
        #expect(seen["T-JZ-002"]?.allSatisfy { $0 == 503 } == true, "\(seen)")
        let stored = try app.application.state.storage.tickets(day: app.application.state.queue.read(\.day))
        let acknowledged = numbers.withLock { $0 }
        #expect(Set(stored.map(\.number)) == Set(acknowledged))
        #expect(stored.count == seen["T-JZ-001"]?.count)
        // Memory holds exactly what is on disk: the failed tickets are nowhere.
        #expect(app.application.state.queue.read(\.tickets.count) == stored.count)
        let queue = try app.client.get("/api/v1/queue").json["queues"] as? [[String: Any]] ?? []
        #expect(queue.first { $0["prefix"] as? String == "C" }?["waiting"] as? Int == stored.count)
    }

    @Test(
        "a failing job and a good one that waited together share one group: the group commits one, answers 503 to the other"
    )
    func failingJobSharesItsGroup() throws {
        let watch = GroupWatch()
        let (app, pool) = try app { $0.commitObservers = [watch] }
        defer {
            watch.release()
            app.stop()
        }
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER inject_fault BEFORE INSERT ON ticket WHEN NEW.service_id = 'T-JZ-002'
                    BEGIN SELECT RAISE(ABORT, 'injected fault'); END
                    """)
        }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        let statuses = Mutex<[String: [Int]]>([:])
        let sent = DispatchGroup()
        func send(_ service: String) {
            DispatchQueue.global().async(group: sent) {
                do {
                    let status = try app.issue(token: kiosk, service: service).status
                    statuses.withLock { $0[service, default: []].append(status) }
                } catch {
                    statuses.withLock { $0["no answer: \(error)", default: []].append(0) }
                }
            }
        }
        // The commit thread stops in the observer of the first group, so the next two jobs
        // wait in the inbox together and are taken as one group.
        watch.holdNext()
        send("T-JZ-001")
        #expect(watch.waitUntilHeld(seconds: 30), "the first ticket's group never committed")
        send("T-JZ-001")
        send("T-JZ-002")
        let inbox = app.application.state.queue.inbox
        let deadline = Date().addingTimeInterval(30)
        while inbox.waiting < 2, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(inbox.waiting == 2, "the two tickets did not reach the commit thread's inbox")
        watch.release()
        #expect(sent.wait(timeout: .now() + 30) == .success, "the tickets were not answered in time")
        let groups = watch.groups
        #expect(groups.map(\.jobs) == [1, 2], "\(groups)")
        #expect(groups.map(\.failedJobs) == [0, 1], "\(groups)")
        #expect(groups.last?.issued == 1, "\(groups)")
        let seen = statuses.withLock { $0 }
        #expect(seen == ["T-JZ-001": [201, 201], "T-JZ-002": [503]], "\(seen)")
    }

    @Test("a retry of a failed ticket with the same key never gets 201 for a ticket that is not on disk")
    func noPhantomTicket() throws {
        let (app, pool) = try app()
        defer { app.stop() }
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER inject_fault BEFORE INSERT ON idempotency_key WHEN NEW.key = 'doomed'
                    BEGIN SELECT RAISE(ABORT, 'injected fault'); END
                    """)
        }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        for _ in 0..<3 {
            let response = try app.issue(token: kiosk, service: "T-JZ-001", key: "doomed")
            #expect(response.status == 503 && response.errorCode == "storage_unavailable")
            #expect(response.headers["retry-after"] == "1")
        }
        #expect(try app.application.state.storage.tickets(day: app.application.state.queue.read(\.day)).isEmpty)
        try pool.write { try $0.execute(sql: "DROP TRIGGER inject_fault") }
        let first = try app.issue(token: kiosk, service: "T-JZ-001", key: "doomed")
        let again = try app.issue(token: kiosk, service: "T-JZ-001", key: "doomed")
        #expect(first.status == 201 && again.status == 201)
        #expect(first.json["id"] as? String == again.json["id"] as? String)
        #expect(first.json["number"] as? String == "C001")
        #expect(try app.application.state.storage.tickets(day: app.application.state.queue.read(\.day)).count == 1)
    }

    @Test("when the queue cannot be read back after a failed write, writes answer 503 and health says so until it can")
    func degradedUntilReadable() throws {
        let (app, pool) = try app()
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        let clerk = try app.createToken(role: .clerk, name: "window-1")
        #expect(try app.issue(token: kiosk, service: "T-JZ-001").status == 201)
        // Without window_state, calling fails, and so does reading the queue back.
        try pool.writeWithoutTransaction { try $0.execute(sql: "ALTER TABLE window_state RENAME TO hidden") }
        let call = try app.post("/api/v1/windows/1/call-next", token: clerk, json: "")
        #expect(call.status == 503, "\(call.text)")
        let refused = try app.issue(token: kiosk, service: "T-JZ-001")
        #expect(refused.status == 503 && refused.errorCode == "storage_unavailable", "\(refused.text)")
        let health = try app.client.get("/healthz")
        #expect(health.status == 503 && health.json["status"] as? String == "degraded", "\(health.text)")
        // Reads still answer from memory.
        #expect(try app.client.get("/api/v1/queue").status == 200)
        try pool.writeWithoutTransaction { try $0.execute(sql: "ALTER TABLE hidden RENAME TO window_state") }
        var healed = try app.issue(token: kiosk, service: "T-JZ-001")
        for _ in 0..<50 where healed.status != 201 {
            Thread.sleep(forTimeInterval: 0.1)
            healed = try app.issue(token: kiosk, service: "T-JZ-001")
        }
        #expect(healed.status == 201 && healed.json["number"] as? String == "C002", "\(healed.text)")
        #expect(try app.client.get("/healthz").status == 200)
        #expect(try app.post("/api/v1/windows/1/call-next", token: clerk, json: "").json["ticket"] != nil)
    }
}

/// Sees every group that ran jobs (how many, how many failed alone, how many tickets it
/// issued), and can hold the commit thread in the next one until released.
final class GroupWatch: CommitObserver {
    struct Group: Sendable, CustomStringConvertible {
        var jobs: Int
        var failedJobs: Int
        var issued: Int
        var description: String { "\(jobs) jobs, \(failedJobs) failed, \(issued) issued" }
    }

    private let state = Mutex<(groups: [Group], hold: Bool)>(([], false))
    private let held = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)

    var groups: [Group] { state.withLock { $0.groups } }

    func committed(_ group: CommittedGroup) {
        guard group.jobs > 0 else { return }
        let issued = group.events.filter { $0.event.kind == .issued }.count
        let hold = state.withLock { state in
            state.groups.append(Group(jobs: group.jobs, failedJobs: group.failedJobs, issued: issued))
            defer { state.hold = false }
            return state.hold
        }
        guard hold else { return }
        held.signal()
        _ = released.wait(timeout: .now() + 30)
    }

    func holdNext() { state.withLock { $0.hold = true } }

    func waitUntilHeld(seconds: Double) -> Bool { held.wait(timeout: .now() + seconds) == .success }

    /// Lets a held commit thread go on (harmless when none is held).
    func release() { released.signal() }
}
