import Foundation
import OneWindowApp
import OneWindowTesting
import Synchronization
import Testing

/// `Idempotency-Key`: a kiosk's retry gets the same ticket; nothing else does.
@Suite("Idempotency keys", .timeLimit(.minutes(2)))
struct IdempotencyTests {
    @Test("the same device and key within 24 hours get the same ticket; another device's same key gets its own")
    func scopedToDevice() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let kiosk1 = try app.createToken(role: .kiosk, name: "kiosk-1")
        let kiosk2 = try app.createToken(role: .kiosk, name: "kiosk-2")
        let first = try app.issue(token: kiosk1, service: "T-JZ-001", key: "retry-me")
        let retry = try app.issue(token: kiosk1, service: "T-JZ-001", key: "retry-me")
        let other = try app.issue(token: kiosk2, service: "T-JZ-001", key: "retry-me")
        #expect(first.status == 201 && retry.status == 201 && other.status == 201)
        #expect(retry.json["id"] as? String == first.json["id"] as? String)
        #expect(other.json["id"] as? String != first.json["id"] as? String)
        #expect(other.json["number"] as? String == "C002")
    }

    @Test("the same key with another request gets 422 idempotency_key_reused and issues nothing")
    func otherBody() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
        #expect(try app.issue(token: kiosk, service: "T-JZ-001", key: "k").status == 201)
        let other = try app.issue(token: kiosk, service: "T-HY-001", key: "k")
        #expect(other.status == 422 && other.errorCode == "idempotency_key_reused", "\(other.text)")
        let priority = try app.issue(token: kiosk, service: "T-JZ-001", key: "k", priority: true)
        #expect(priority.status == 422)
        #expect(app.application.state.queue.read(\.tickets.count) == 1)
    }

    @Test("a key from yesterday sent again while other kiosks issue fails only itself, with 422 after 24 hours")
    func staleKey() throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_852_800))  // 2026-11-28 16:00 in Shanghai
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.clock = { clock.read() } }
        defer { app.stop() }
        let stale = try app.createToken(role: .kiosk, name: "stale")
        let first = try app.issue(token: stale, service: "T-JZ-001", key: "K")
        #expect(first.status == 201)
        // The next morning, within 24 hours: the same ticket, now expired, comes back.
        clock.advance(17 * 3600)
        let nextMorning = try app.issue(token: stale, service: "T-JZ-001", key: "K")
        #expect(nextMorning.status == 201 && nextMorning.json["id"] as? String == first.json["id"] as? String)
        #expect(nextMorning.json["status"] as? String == "expired")
        // More than 24 hours later, while four other kiosks issue.
        clock.advance(8 * 3600)
        let others = try (1...4).map { try app.createToken(role: .kiosk, name: "kiosk-\($0)") }
        let statuses = Mutex<[Int]>([])
        let finished = TestApplication.concurrently(5) { index in
            for round in 0..<20 {
                if index == 0 {
                    let response = try? app.issue(token: stale, service: "T-JZ-001", key: "K")
                    #expect(response?.status == 422 && response?.errorCode == "idempotency_key_reused")
                } else {
                    let response = try? app.issue(token: others[index - 1], service: "T-JZ-001", key: "k\(round)")
                    statuses.withLock { $0.append(response?.status ?? 0) }
                }
            }
        }
        #expect(finished, "the concurrent requests did not finish in time")
        #expect(statuses.withLock { $0 }.allSatisfy { $0 == 201 })
        #expect(statuses.withLock { $0.count } == 80)
    }

    @Test("keys survive a restart: the retry after it gets the ticket from before it")
    func afterRestart() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.path("keys.sqlite")
        var token = ""
        var id: String?
        do {
            let app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.databasePath = database }
            token = try app.createToken(role: .kiosk, name: "kiosk-1")
            id = try app.issue(token: token, service: "T-JZ-001", key: "survivor").json["id"] as? String
            app.application.stop()
        }
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.databasePath = database }
        defer { app.stop() }
        let again = try app.issue(token: token, service: "T-JZ-001", key: "survivor")
        #expect(again.status == 201 && again.json["id"] as? String == id)
        #expect(app.application.state.queue.read(\.tickets.count) == 1)
    }

    @Test("an Idempotency-Key is 1 to 200 characters, counted as characters, not bytes")
    func length() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
        #expect(try app.issue(token: kiosk, service: "T-JZ-001", key: String(repeating: "号", count: 200)).status == 201)
        let long = try app.issue(token: kiosk, service: "T-JZ-001", key: String(repeating: "号", count: 201))
        #expect(long.status == 400 && long.errorCode == "invalid_parameter")
    }
}
