import Foundation
import OneWindowApp
import OneWindowStorage
import OneWindowTesting
import Testing

/// "前面还有 N 人" (`ticket_near`) end to end: the real daemon, a real receiver on 127.0.0.1,
/// and a restart on the same database.
@Suite("前面还有 N 人 to a remote ticket's phone", .timeLimit(.minutes(2)))
struct RemoteTicketNearTests {
    @Test("前面还有 N 人 reaches the phone once, with the call that moved it; not again after a restart")
    func nearOnceAcrossRestart() throws {
        let notifier = try PushReceiver()
        defer { notifier.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.path("hall.sqlite")
        let configure: (inout AppConfiguration) -> Void = {
            $0.databasePath = database
            $0.nearAhead = 1
        }
        let hall = try BookingHall(notifyPort: notifier.port, configure: configure)
        let kiosk = try hall.app.createToken(role: .kiosk, name: "kiosk-1")
        var walkIns: [String] = []
        for _ in 0..<3 {
            walkIns.append(try #require(try hall.app.issue(token: kiosk, service: "T-HY-001").json["id"] as? String))
        }
        hall.clock.advance(60)
        let taken = try RemoteTicketAPITests.take(hall, receiver: notifier)
        #expect(taken.status == 201 && RemoteTicketAPITests.ticket(taken)["ahead"] as? Int == 3, "\(taken.text)")
        let remoteId = try #require(RemoteTicketAPITests.ticket(taken)["id"] as? String)
        let clerk = try hall.app.createToken(role: .clerk, name: "window-2", window: "2")
        func callAndComplete(_ app: TestApplication, _ token: String, _ id: String) throws {
            let called = try app.post("/api/v1/windows/2/call-next", token: token, json: "")
            #expect(RemoteTicketAPITests.ticket(called)["id"] as? String == id, "\(called.text)")
            _ = try app.post(
                "/api/v1/tickets/\(id)/complete", token: token, json: #"{"window":"2","outcome":"completed"}"#)
        }
        try callAndComplete(hall.app, clerk, walkIns[0])
        #expect(try hall.storage.outboxRecords(topic: "message").filter { $0.key.hasPrefix("ticket_near:") }.isEmpty)
        try callAndComplete(hall.app, clerk, walkIns[1])
        #expect(notifier.wait { $0.contains { $0.json["template"] as? String == "ticket_near" } })
        let near = try #require(notifier.deliveries.first { $0.json["template"] as? String == "ticket_near" })
        let params = try #require(near.json["params"] as? [String: String])
        #expect(params["ahead"] == "1" && params["number"] == RemoteTicketAPITests.ticket(taken)["number"] as? String)
        #expect(near.json["to"] as? String == RemoteTicketAPITests.phone)
        let text = try #require(near.json["text"] as? String)
        #expect(text.contains("前面还有 1 人") && text.contains(taken.json["checkInCode"] as? String ?? "?"))
        #expect(try hall.storage.loadQueue(day: "2026-11-27").remoteTickets.first?.nearSentAt != nil)
        hall.stop()
        // The same database after a restart: the next call moves the ticket again, and tells no one.
        let again = try BookingHall(notifyPort: notifier.port, configure: configure)
        defer { again.stop() }
        let clerkAgain = try again.app.createToken(role: .clerk, name: "window-2b", window: "2")
        try callAndComplete(again.app, clerkAgain, walkIns[2])
        let page = try again.app.client.get("/t/\(remoteId)")
        #expect(page.text.contains("下一位就是您") && page.text.contains(taken.json["checkInCode"] as? String ?? "?"))
        let near2 = try again.storage.outboxRecords(topic: "message").filter { $0.key.hasPrefix("ticket_near:") }
        #expect(near2.map(\.key) == ["ticket_near:" + remoteId])
    }
}
