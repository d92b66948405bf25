import Foundation
import OneWindowApp
import OneWindowTesting
import Testing

/// A stop never waits for a receiver that hangs: the attempt is cancelled, not counted as a
/// failure, and the record stays to be sent after the restart.
@Suite("Stopping while a push hangs", .timeLimit(.minutes(1)))
struct OutboxStopTests {
    @Test("the daemon stops at once while the receiver hangs for longer than the time limit, and keeps the record")
    func stopsAtOnce() throws {
        let receiver = try PushReceiver(script: [.hang])
        defer { receiver.stop() }
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) { configuration in
            var push = OutboxPush(
                url: URL(string: "http://127.0.0.1:\(receiver.port)/push")!, secret: Data("0123456789abcdef".utf8))
            // Far past the suite's one-minute limit: waiting for it would fail the test.
            push.timeoutSeconds = 120
            push.pollSeconds = 0.02
            configuration.outboxPush = push
        }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        let clerk = try app.createToken(role: .clerk, name: "clerk")
        let ticket = try app.post("/api/v1/tickets", token: kiosk, json: #"{"serviceId":"T-JZ-001"}"#).json
        _ = try app.post("/api/v1/windows/1/call-next", token: clerk, json: "")
        _ = try app.post(
            "/api/v1/tickets/\(ticket["id"] as! String)/complete", token: clerk,
            json: #"{"window":"1","outcome":"completed"}"#)
        #expect(receiver.wait { $0.count == 1 }, "the closed case's record is on its way")
        app.application.stop()
        defer { app.directory.remove() }
        let records = try app.application.state.storage.outboxRecords(topic: "case_closed")
        #expect(records.count == 1 && records[0].deliveredAt == nil)
        #expect(records[0].attempts == 0 && records[0].lastError == nil, "a cancelled attempt is not a failure")
    }
}
