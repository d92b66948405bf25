import Foundation
import GRDB
import OneWindowApp
import OneWindowStorage
import OneWindowTesting
import Testing

/// The outbox pushed to a real receiver on 127.0.0.1 that fails, answers 500, hangs and is
/// down: every record arrives, signed, and a repeat carries the same Idempotency-Key.
@Suite("The outbox's push to the provincial system", .timeLimit(.minutes(2)))
struct OutboxPushTests {
    static let secret = "a-secret-of-thirty-two-bytes-ok!"

    /// A hall that pushes to `receiver`, with retries in milliseconds instead of minutes.
    struct Hall {
        let app: TestApplication
        let kiosk: String
        let clerk: String
        let admin: String

        init(pushingTo port: UInt16, storage: Storage? = nil, clock: ManualClock? = nil) throws {
            app = try TestApplication(catalogue: Fixtures.validCatalogue) { configuration in
                var push = OutboxPush(
                    url: URL(string: "http://127.0.0.1:\(port)/haocha")!, secret: Data(OutboxPushTests.secret.utf8))
                push.timeoutSeconds = 1
                push.pollSeconds = 0.02
                push.backoff = OutboxBackoff(first: 0.05, maximum: 0.2, jitter: 0.5)
                configuration.outboxPush = push
                if let storage { configuration.storage = storage }
                if let clock { configuration.clock = { clock.read() } }
            }
            kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
            clerk = try app.createToken(role: .clerk, name: "柜台终端-1")
            admin = try app.createToken(role: .admin, name: "manager")
        }

        /// A visit as its receipt shows it: the ticket number and the evaluation code.
        struct Visit {
            var number: String
            var code: String
        }

        /// A visit to 最低生活保障 that ends at window 1 as `ending` says.
        func visit(ending: String = #"{"window":"1","outcome":"completed"}"#) throws -> Visit {
            let ticket = try app.post("/api/v1/tickets", token: kiosk, json: #"{"serviceId":"T-JZ-001"}"#).json
            _ = try app.post("/api/v1/windows/1/call-next", token: clerk, json: "")
            let done = try app.post(
                "/api/v1/tickets/\(ticket["id"] as! String)/complete", token: clerk, json: ending)
            #expect(done.status == 200, "\(done.text)")
            return Visit(number: ticket["number"] as! String, code: ticket["evaluationCode"] as! String)
        }

        /// Rates at the kiosk with the receipt's code; a bad rating says why (waiting time).
        func rate(_ visit: Visit, _ rating: Int, comment: String = "等得太久") throws -> TestResponse {
            let reasons = rating <= 2 ? #"["efficiency"]"# : "[]"
            return try app.post(
                "/api/v1/tickets/\(visit.number)/evaluation", token: kiosk,
                json: #"{"rating":\#(rating),"code":"\#(visit.code)","reasons":\#(reasons),"comment":"\#(comment)"}"#)
        }

        func followUp(_ id: String, _ step: String, _ note: String) throws -> TestResponse {
            try app.post(
                "/api/v1/evaluations/\(id)/rectify", token: admin, json: #"{"step":"\#(step)","note":"\#(note)"}"#)
        }

        /// Every record the outbox holds, both topics.
        func records() throws -> [OutboxRecord] {
            let storage = app.application.state.storage
            return try storage.outboxRecords(topic: "evaluation") + storage.outboxRecords(topic: "case_closed")
        }
    }

    /// Every record was accepted at least once; each repeat carried the same body as the first.
    static func everyRecordArrived(_ records: [OutboxRecord], _ receiver: PushReceiver) -> Bool {
        let accepted = Set(receiver.accepted.compactMap(\.key))
        return records.allSatisfy { accepted.contains($0.id) }
    }

    @Test("every rating, follow-up step and closed case is pushed once, signed, with the visit's facts")
    func pushedWithFacts() throws {
        let receiver = try PushReceiver()
        defer { receiver.stop() }
        let hall = try Hall(pushingTo: receiver.port)
        defer { hall.app.stop() }
        let number = try hall.visit()
        let rated = try hall.rate(number, 2)
        #expect(rated.status == 201, "\(rated.text)")
        let id = try #require((rated.json["evaluation"] as? [String: Any])?["id"] as? String)
        #expect(try hall.followUp(id, "note", "已约谈窗口人员").status == 200)
        #expect(try hall.followUp(id, "rectified", "窗口增设叫号提醒").status == 200)
        #expect(try hall.followUp(id, "visited_back", "申请人表示满意").status == 200)
        #expect(receiver.wait { $0.count >= 5 }, "\(receiver.deliveries.count) of 5 arrived")
        let deliveries = receiver.deliveries
        #expect(deliveries.count == 5)
        #expect(Set(deliveries.compactMap(\.key)).count == 5)
        let schema = try PushRecordSchema.load()
        for delivery in deliveries {
            #expect(PushRecordSchema.problems(delivery.json, schema: schema).isEmpty, "\(delivery.json)")
            #expect(try PushReceiver.signatureVerifies(delivery, secret: Self.secret))
            #expect(delivery.headers["content-type"] == "application/json")
            #expect(delivery.json["schema"] as? Int == 1)
        }
        // In the order written: the case closed with the visit, then the rating and its follow-up.
        let topics = deliveries.map { $0.json["topic"] as? String ?? "" }
        #expect(topics == ["case_closed", "evaluation", "evaluation", "evaluation", "evaluation"])
        let closed = deliveries[0].json
        #expect(closed["serviceCode"] as? String == "11210200TEST0001" && closed["serviceName"] as? String == "最低生活保障")
        #expect(closed["window"] as? String == "1" && closed["terminal"] as? String == "柜台终端-1")
        #expect((closed["case"] as? [String: Any])?["outcome"] as? String == "completed")
        let states = deliveries.dropFirst().map { $0.json["followUpState"] as? String ?? "" }
        #expect(states == ["pending", "in_progress", "rectified", "visited_back"])
        let last = deliveries[4].json
        #expect(last["rating"] as? Int == 2 && last["comment"] as? String == "等得太久")
        #expect(last["ticketNumber"] as? String == number.number && last["terminal"] as? String == "柜台终端-1")
        #expect(last["rectification"] as? String == "窗口增设叫号提醒" && last["visitBackResult"] as? String == "申请人表示满意")
        #expect(last["followUpStateName"] as? String == "已回访" && last["caseId"] is String)
        #expect(last["channel"] as? String == "kiosk" && last["reasons"] as? [String] == ["efficiency"])
        // Values a record does not have are null, never missing: a closed case has no rating.
        #expect(closed.keys.contains("channel") && closed["channel"] is NSNull)
        #expect(try hall.records().allSatisfy { $0.deliveredAt != nil })
    }

    @Test("a receiver that fails, answers 500 and hangs past the timeout still gets every record, repeats with one key")
    func retriedUntilAccepted() throws {
        let receiver = try PushReceiver(script: [.close, .answer(500), .hang, .answer(503), .close, .answer(429)])
        defer { receiver.stop() }
        let hall = try Hall(pushingTo: receiver.port)
        defer { hall.app.stop() }
        for rating in [1, 5, 2] {
            #expect(try hall.rate(try hall.visit(), rating).status == 201)
        }
        let records = try hall.records()
        #expect(records.count == 6, "three closed cases and three ratings")
        #expect(receiver.wait { _ in Self.everyRecordArrived(records, receiver) }, "\(receiver.deliveries.count)")
        let deliveries = receiver.deliveries
        #expect(deliveries.count >= 12, "six scripted failures, then six records: \(deliveries.count)")
        let byKey = Dictionary(grouping: deliveries, by: { $0.key ?? "" })
        #expect(Set(byKey.keys) == Set(records.map(\.id)), "no request without a record's key")
        for (key, attempts) in byKey {
            #expect(Set(attempts.map(\.body)).count == 1, "every attempt of \(key) carries the same body")
            #expect(try attempts.allSatisfy { try PushReceiver.signatureVerifies($0, secret: Self.secret) })
        }
        // The first record took all the failures: the others waited behind it, in order.
        #expect(byKey[records.sorted { $0.createdAt < $1.createdAt }[0].id]?.count ?? 0 >= 2)
        let stored = try hall.records()
        #expect(stored.allSatisfy { $0.deliveredAt != nil })
        #expect(stored.map(\.attempts).reduce(0, +) == deliveries.count)
    }

    @Test("while the receiver is down /healthz says degraded with 200 and Prometheus counts; then all arrive")
    func receiverDown() throws {
        let probe = try PushReceiver()
        let port = probe.port
        probe.stop()
        let hall = try Hall(pushingTo: port)
        defer { hall.app.stop() }
        #expect(try hall.rate(try hall.visit(), 4).status == 201)
        let deadline = Date().addingTimeInterval(15)
        var health: TestResponse = try hall.app.client.get("/healthz")
        while Date() < deadline, health.json["status"] as? String != "degraded" {
            Thread.sleep(forTimeInterval: 0.05)
            health = try hall.app.client.get("/healthz")
        }
        #expect(health.status == 200 && health.json["status"] as? String == "degraded", "\(health.text)")
        let outbox = health.json["outbox"] as? [String: Any] ?? [:]
        #expect(outbox["depth"] as? Int == 2 && (outbox["failingRecords"] as? Int ?? 0) >= 1, "\(health.text)")
        #expect(outbox["push"] as? Bool == true && outbox["lastError"] is String)
        let metrics = try hall.app.client.get("/metrics").text
        #expect(metrics.contains("onewindow_outbox_failures_total"), "\(metrics)")
        #expect(!metrics.contains("onewindow_outbox_failures_total 0\n"))
        // The receiver comes back where it was.
        let receiver = try PushReceiver(port: port)
        defer { receiver.stop() }
        let records = try hall.records()
        #expect(receiver.wait { _ in Self.everyRecordArrived(records, receiver) })
        var healed = try hall.app.client.get("/healthz")
        let later = Date().addingTimeInterval(10)
        while Date() < later, healed.json["status"] as? String != "ok" {
            Thread.sleep(forTimeInterval: 0.05)
            healed = try hall.app.client.get("/healthz")
        }
        #expect(healed.json["status"] as? String == "ok", "\(healed.text)")
        #expect((healed.json["outbox"] as? [String: Any])?["depth"] as? Int == 0)
    }

    @Test("without a push URL the records are still written, nothing is sent, and /healthz stays ok")
    func noPush() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        let clerk = try app.createToken(role: .clerk, name: "clerk")
        let ticket = try app.post("/api/v1/tickets", token: kiosk, json: #"{"serviceId":"T-JZ-001"}"#).json
        _ = try app.post("/api/v1/windows/1/call-next", token: clerk, json: "")
        let id = ticket["id"] as! String
        _ = try app.post("/api/v1/tickets/\(id)/complete", token: clerk, json: #"{"window":"1","outcome":"accepted"}"#)
        let code = ticket["evaluationCode"] as! String
        let rated = try app.post(
            "/api/v1/tickets/\(id)/evaluation", token: kiosk,
            json: #"{"rating":1,"code":"\#(code)","reasons":["attitude"]}"#)
        #expect(rated.status == 201, "\(rated.text)")
        let health = try app.client.get("/healthz")
        let outbox = health.json["outbox"] as? [String: Any]
        #expect(health.status == 200 && health.json["status"] as? String == "ok", "\(health.text)")
        #expect(outbox?["push"] as? Bool == false && outbox?["depth"] as? Int == 2)
        let records = try app.application.state.storage.outboxRecords(topic: "case_closed")
        #expect(records.count == 1 && records[0].attempts == 0 && records[0].deliveredAt == nil)
    }

    @Test("when the outbox write fails the rating fails too, and nothing of it is stored")
    func outboxWriteFails() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("faulty.sqlite"), configuration: Storage.configuration())
        let receiver = try PushReceiver()
        defer { receiver.stop() }
        let hall = try Hall(pushingTo: receiver.port, storage: try Storage(writer: pool))
        defer { hall.app.stop() }
        let number = try hall.visit()
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER inject_fault BEFORE INSERT ON outbox WHEN NEW.topic = 'evaluation'
                    BEGIN SELECT RAISE(ABORT, 'injected fault'); END
                    """)
        }
        let failed = try hall.rate(number, 1)
        #expect(failed.status == 503 && failed.errorCode == "storage_unavailable", "\(failed.text)")
        let list = try hall.app.client.get(
            "/api/v1/evaluations", headers: ["Authorization": "Bearer \(hall.admin)"])
        #expect((list.json["evaluations"] as? [Any])?.isEmpty == true, "\(list.text)")
        let events = try hall.app.application.state.storage.queueEvents().map(\.event.kind)
        #expect(!events.contains(.evaluated))
        try pool.write { db in try db.execute(sql: "DROP TRIGGER inject_fault") }
        #expect(try hall.rate(number, 1).status == 201, "the same rating goes through once the outbox can be written")
        #expect(try hall.app.application.state.storage.outboxRecords(topic: "evaluation").count == 1)
    }
}
