import Foundation
import GRDB
import OneWindowApp
import OneWindowStorage
import OneWindowTesting
import Testing

/// Messages to phones: through the outbox to `--notify-url`, signed, never to the 好差评 push,
/// never with a readable number at rest, each event once, and waiting while the notifier is down.
@Suite("Messages to applicants' phones", .timeLimit(.minutes(2)))
struct BookingMessagesTests {
    @Test("code, confirmation and cancellation go signed to the notifier as {to, template, params}, none to the push")
    func routed() throws {
        let notifier = try PushReceiver()
        defer { notifier.stop() }
        let push = try PushReceiver()
        defer { push.stop() }
        let hall = try BookingHall(notifyPort: notifier.port) { configuration in
            var evaluations = OutboxPush(
                url: URL(string: "http://127.0.0.1:\(push.port)/haocha")!,
                secret: Data("another-secret-32-bytes-long!!!!".utf8))
            evaluations.pollSeconds = 0.02
            configuration.outboxPush = evaluations
        }
        defer { hall.stop() }
        let booked = try hall.verifiedBook("13800138000", receiver: notifier)
        let code = try #require((booked.json["booking"] as? [String: Any])?["code"] as? String)
        _ = try hall.post("/api/v1/appointments/\(code)/cancel", json: "", headers: ["X-Phone": "13800138000"])
        #expect(notifier.wait { $0.count >= 3 }, "\(notifier.deliveries.count) of 3 arrived")
        let deliveries = notifier.deliveries
        #expect(
            deliveries.map { $0.json["template"] as? String ?? "" } == [
                "verification", "booking_confirmed", "booking_cancelled",
            ])
        for delivery in deliveries {
            #expect(try PushReceiver.signatureVerifies(delivery, secret: BookingHall.secret))
            #expect(delivery.json["to"] as? String == "13800138000")
            #expect(Set(delivery.json.keys) == ["to", "template", "params", "text"])
            #expect(delivery.key != nil && delivery.headers["x-onewindow-topic"] == "message")
        }
        let confirmed = deliveries[1].json
        let params = try #require(confirmed["params"] as? [String: String])
        #expect(params["code"] == code && params["day"] == "2026-11-30" && params["time"] == "09:00")
        #expect(params["service"] == "婚姻登记" || params["service"]?.isEmpty == false)
        let text = try #require(confirmed["text"] as? String)
        #expect(text.contains("预约成功") && text.contains(code) && !text.contains("{"))
        // Nothing of it reached the 好差评 push, and the outbox holds no readable number.
        #expect(push.deliveries.isEmpty)
        let rows = try hall.storage.outboxRecords(topic: "message")
        #expect(rows.count == 3 && rows.allSatisfy { $0.deliveredAt != nil })
        #expect(rows.allSatisfy { !String(decoding: $0.payload, as: UTF8.self).contains("13800138000") })
        #expect(Set(rows.map(\.key)).count == 3 && rows.contains { $0.key == "booking_confirmed:" + code })
    }

    @Test("with the notifier down, booking still succeeds and the messages wait; they go once it is back")
    func notifierDown() throws {
        // A port where nothing listens: a receiver that is stopped at once.
        let gone = try PushReceiver()
        let port = gone.port
        gone.stop()
        let hall = try BookingHall(notifyPort: port)
        defer { hall.stop() }
        #expect(try hall.askCode("13800138000").status == 202)
        let sent = try #require(
            try hall.storage.outboxRecords(topic: "message").first.map {
                try JSONSerialization.jsonObject(with: $0.payload) as? [String: Any]
            }??["params"] as? [String: String])
        let booked = try hall.book("13800138000", code: try #require(sent["code"]))
        #expect(booked.status == 201, "\(booked.text)")
        let tried = try waitUntil(seconds: 15) {
            try hall.storage.outboxRecords(topic: "message").first?.lastError != nil
        }
        #expect(tried)
        // In order: the failing first holds back the second.
        let waiting = try hall.storage.outboxRecords(topic: "message")
        #expect(waiting.count == 2 && waiting.allSatisfy { $0.deliveredAt == nil })
        let back = try PushReceiver(port: port)
        defer { back.stop() }
        // The retry is due on the hall's clock, which the test moves.
        let arrived = back.wait { deliveries in
            hall.clock.advance(1)
            return deliveries.filter { $0.behaviour == .accept }.count >= 2
        }
        #expect(arrived, "\(back.deliveries.count) arrived")
        #expect(back.accepted.map { $0.json["template"] as? String ?? "" } == ["verification", "booking_confirmed"])
    }

    @Test("a checked-in appointment ticket called to a window gets 请到…窗口 once; a recall and a walk-in get none")
    func calledToWindow() throws {
        let notifier = try PushReceiver()
        defer { notifier.stop() }
        let hall = try BookingHall(notifyPort: notifier.port)
        defer { hall.stop() }
        let booked = try hall.verifiedBook("13800138000", receiver: notifier)
        let code = try #require((booked.json["booking"] as? [String: Any])?["code"] as? String)
        #expect(notifier.wait { $0.count >= 2 }, "the code and the confirmation")
        // Monday 2026-11-30, 08:50: inside the check-in window of the 09:00 slot.
        hall.clock.advance(3 * 86_400 - 70 * 60)
        let kiosk = try hall.app.createToken(role: .kiosk, name: "kiosk-1")
        let walkIn = try hall.app.issue(token: kiosk, service: "T-HY-001")
        #expect(walkIn.status == 201)
        let checkedIn = try hall.app.post("/api/v1/appointments/\(code)/check-in", token: kiosk, json: "{}")
        #expect(checkedIn.status == 201, "\(checkedIn.text)")
        let number = try #require((checkedIn.json["ticket"] as? [String: Any])?["number"] as? String)
        let clerk = try hall.app.createToken(role: .clerk, name: "window-2", window: "2")
        let called = try hall.app.post("/api/v1/windows/2/call-next", token: clerk, json: "")
        #expect(called.status == 200, "\(called.text)")
        #expect((called.json["ticket"] as? [String: Any])?["number"] as? String == number, "the appointment first")
        let recalled = try hall.app.post("/api/v1/windows/2/recall", token: clerk, json: "")
        #expect(recalled.status == 200, "\(recalled.text)")
        #expect(notifier.wait { $0.count >= 3 })
        let told = notifier.deliveries.dropFirst(2)
        #expect(told.map { $0.json["template"] as? String } == ["ticket_called"])
        let params = try #require(told.first?.json["params"] as? [String: String])
        #expect(params["number"] == number && params["window"] == "2" && params["windowName"] == "2号婚姻登记窗口")
        let text = try #require(told.first?.json["text"] as? String)
        #expect(text.contains(number) && text.contains("2号婚姻登记窗口") && !text.contains("{"))
        // The walk-in's call, next, tells no one (it has no number), and the recall wrote nothing.
        let ticketId = try #require((checkedIn.json["ticket"] as? [String: Any])?["id"] as? String)
        let completed = try hall.app.post(
            "/api/v1/tickets/\(ticketId)/complete", token: clerk, json: #"{"window":"2","outcome":"completed"}"#)
        #expect(completed.status == 200, "\(completed.text)")
        let next = try hall.app.post("/api/v1/windows/2/call-next", token: clerk, json: "")
        #expect((next.json["ticket"] as? [String: Any])?["id"] as? String == walkIn.json["id"] as? String)
        let messages = try hall.storage.outboxRecords(topic: "message")
        #expect(messages.filter { $0.key.hasPrefix("ticket_called:") }.count == 1)
    }

    @Test("a message's event is written once: the same key again writes nothing")
    func oncePerEvent() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let storage = try Storage(path: directory.path("once.sqlite"))
        let message = OutboxMessage(
            topic: OutboxLane.messageTopic, key: "booking_reminder:K7M2QX9A", payload: Data("{}".utf8))
        try storage.transaction { try $0.enqueue([message], at: Date()) }
        try storage.transaction { try $0.enqueue([message, message], at: Date()) }
        #expect(try storage.outboxRecords(topic: "message").count == 1)
        // Records of other topics may share a key, as before.
        let rating = OutboxMessage(topic: "evaluation", key: "E1", payload: Data("{}".utf8))
        try storage.transaction { try $0.enqueue([rating, rating], at: Date()) }
        #expect(try storage.outboxRecords(topic: "evaluation").count == 2)
        #expect(try storage.outboxPending(limit: 10, lane: .messages).map(\.topic) == ["message"])
        #expect(try storage.outboxPending(limit: 10, lane: .records).map(\.topic) == ["evaluation", "evaluation"])
    }

    @Test("the shipped templates name every message, in Chinese, and a hall's file must too")
    func templates() throws {
        let standard = MessageTemplates.standard
        #expect(standard.text("verification", ["code": "123456", "minutes": "5"]).contains("验证码是 123456"))
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("messages.json")
        try Data(#"{"verification":"码 {code}"}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: MessageTemplatesError.self) { try MessageTemplates(file: path) }
    }
}
