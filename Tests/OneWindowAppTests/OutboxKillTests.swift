import Foundation
import OneWindowTesting
import Testing

/// The real daemon, SIGKILLed while a record is on its way and restarted while the receiver
/// is down: the record is sent again after the restart, with the same key, and all arrive.
@Suite("The outbox across a SIGKILL", .timeLimit(.minutes(2)))
struct OutboxKillTests {
    @Test("a record in flight when the daemon is killed arrives after the restart with the same key; none is lost")
    func killedMidDelivery() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.path("onewindow.sqlite")
        let secretFile = directory.path("push.secret")
        try Data("kill-test-secret-0123456789abcdef\n".utf8).write(to: URL(fileURLWithPath: secretFile))
        chmod(secretFile, 0o600)
        func token(_ role: String, _ name: String, window: String? = nil) throws -> String {
            let created = try DaemonProcess.run(
                ["token", "create", "--role", role, "--name", name, "--database", database]
                    + (window.map { ["--window", $0] } ?? []))
            return try #require(created.output.split(separator: "\n").first.map(String.init))
        }
        let kiosk = try token("kiosk", "kiosk")
        let clerk = try token("clerk", "clerk-1", window: "1")
        // The first delivery hangs: the daemon is killed while it waits for the answer.
        let receiver = try PushReceiver(script: [.hang])
        let port = receiver.port
        let arguments = [
            "--catalogue", Fixtures.validCatalogue, "--database", database, "--closing-time", "none",
            "--evaluation-push-url", "http://127.0.0.1:\(port)/push", "--evaluation-push-secret-file", secretFile,
            "--evaluation-push-timeout", "60",
        ]
        let first = try DaemonProcess(arguments: arguments)
        let client = first.client
        func send(_ path: String, _ token: String, _ json: String) throws -> [String: Any] {
            try client.send(
                "POST", path, headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: Data(json.utf8)
            ).json
        }
        for rating in [2, 5, 1] {
            let ticket = try send("/api/v1/tickets", kiosk, #"{"serviceId":"T-JZ-001"}"#)
            _ = try send("/api/v1/windows/1/call-next", clerk, "")
            let id = ticket["id"] as! String
            _ = try send("/api/v1/tickets/\(id)/complete", clerk, #"{"window":"1","outcome":"completed"}"#)
            let code = ticket["evaluationCode"] as! String
            let reasons = rating <= 2 ? #"["process"]"# : "[]"
            let rated = try send(
                "/api/v1/tickets/\(id)/evaluation", kiosk,
                #"{"rating":\#(rating),"code":"\#(code)","reasons":\#(reasons)}"#)
            #expect(rated["evaluation"] != nil, "\(rated)")
        }
        #expect(receiver.wait { $0.count == 1 }, "the first record is on its way")
        let inFlight = try #require(receiver.deliveries.first?.key)
        first.signal(SIGKILL)
        #expect(first.waitForExit() == SIGKILL)
        receiver.stop()
        // Restarted while the receiver is down: the attempt fails and is retried later.
        let second = try DaemonProcess(arguments: arguments)
        defer {
            second.signal(SIGTERM)
            _ = second.waitForExit()
        }
        #expect(second.waitForLog("outbox record not delivered", timeoutSeconds: 20), "\(second.log)")
        let back = try PushReceiver(port: port)
        defer { back.stop() }
        #expect(back.wait(seconds: 40) { $0.filter { $0.behaviour == .accept }.count >= 6 }, "\(back.deliveries.count)")
        let keys = back.accepted.compactMap(\.key)
        #expect(keys.count == 6 && Set(keys).count == 6, "three closed cases and three ratings, each once")
        #expect(keys.first == inFlight, "the record in flight is sent again first, with the same key")
        #expect(back.accepted.first?.body == receiver.deliveries.first?.body)
        let topics = back.accepted.map { $0.json["topic"] as? String ?? "" }
        #expect(topics.filter { $0 == "evaluation" }.count == 3 && topics.filter { $0 == "case_closed" }.count == 3)
        for delivery in back.accepted {
            #expect(try PushReceiver.signatureVerifies(delivery, secret: "kill-test-secret-0123456789abcdef"))
        }
    }

    @Test("serve refuses a push secret file others can read, and a push URL without a secret")
    func secretChecked() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let secretFile = directory.path("push.secret")
        try Data("readable-by-all-0123456789abcdef".utf8).write(to: URL(fileURLWithPath: secretFile))
        chmod(secretFile, 0o644)
        let base = ["serve", "--catalogue", Fixtures.validCatalogue, "--database", directory.path("db.sqlite")]
        let open = try DaemonProcess.run(
            base + ["--evaluation-push-url", "http://127.0.0.1:9/x", "--evaluation-push-secret-file", secretFile])
        #expect(open.status != 0 && open.output.contains("chmod 600"), "\(open.output)")
        let missing = try DaemonProcess.run(base + ["--evaluation-push-url", "http://127.0.0.1:9/x"])
        #expect(missing.status != 0 && missing.output.contains("--evaluation-push-secret-file"), "\(missing.output)")
        chmod(secretFile, 0o600)
        let notHTTP = try DaemonProcess.run(
            base + ["--evaluation-push-url", "ftp://example/x", "--evaluation-push-secret-file", secretFile])
        #expect(notHTTP.status != 0 && notHTTP.output.contains("not an http or https URL"), "\(notHTTP.output)")
    }
}
