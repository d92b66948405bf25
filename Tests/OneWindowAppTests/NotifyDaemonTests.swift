import Foundation
import OneWindowTesting
import Testing

/// `onewindowd serve --notify-url`: the real daemon's messages across a restart, its options
/// checked, and the phone key it creates.
@Suite("Messages from the real daemon", .timeLimit(.minutes(2)))
struct NotifyDaemonTests {
    static let secret = "notify-daemon-secret-0123456789ab"

    @Test("messages delivered before a restart are not sent again after it; the phone key is created 0600")
    func restart() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.path("state/onewindow.sqlite")
        let secretFile = directory.path("notify.secret")
        try Data((Self.secret + "\n").utf8).write(to: URL(fileURLWithPath: secretFile))
        chmod(secretFile, 0o600)
        let receiver = try PushReceiver()
        defer { receiver.stop() }
        let arguments = [
            "--catalogue", Fixtures.validCatalogue, "--database", database, "--closing-time", "none",
            "--notify-url", "http://127.0.0.1:\(receiver.port)/sms", "--notify-secret-file", secretFile,
        ]
        func ask(_ daemon: DaemonProcess, _ phone: String) throws -> Int {
            try daemon.client.send(
                "POST", "/api/v1/appointments/verification", headers: ["Content-Type": "application/json"],
                body: Data(#"{"phone":"\#(phone)"}"#.utf8)
            ).status
        }
        let first = try DaemonProcess(arguments: arguments)
        #expect(try ask(first, "13800138000") == 202)
        #expect(try ask(first, "13900139000") == 202)
        #expect(receiver.wait { $0.count >= 2 })
        first.signal(SIGTERM)
        _ = first.waitForExit()
        let key = directory.path("state/phone.key")
        let attributes = try FileManager.default.attributesOfItem(atPath: key)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try String(contentsOfFile: key, encoding: .utf8).trimmingCharacters(in: .newlines).count == 64)
        let second = try DaemonProcess(arguments: arguments)
        defer {
            second.signal(SIGTERM)
            _ = second.waitForExit()
        }
        #expect(try ask(second, "13700137000") == 202)
        // In order: had the first two been sent again, they would have come before this one.
        #expect(receiver.wait { $0.contains { $0.json["to"] as? String == "13700137000" } })
        let to = receiver.deliveries.map { $0.json["to"] as? String ?? "" }
        #expect(to == ["13800138000", "13900139000", "13700137000"], "\(to)")
        #expect(Set(receiver.deliveries.compactMap(\.key)).count == 3)
        for delivery in receiver.deliveries {
            #expect(try PushReceiver.signatureVerifies(delivery, secret: Self.secret))
        }
        // The same key after the restart: the stored numbers are still readable.
        #expect(receiver.deliveries.last?.json["template"] as? String == "verification")
    }

    @Test("serve refuses a notify URL without a secret, a secret without a URL, and a bad retention")
    func options() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let base = ["serve", "--catalogue", Fixtures.validCatalogue, "--database", directory.path("db.sqlite")]
        let missing = try DaemonProcess.run(base + ["--notify-url", "http://127.0.0.1:9/x"])
        #expect(missing.status != 0 && missing.output.contains("--notify-secret-file"), "\(missing.output)")
        let orphan = try DaemonProcess.run(base + ["--notify-secret-file", directory.path("none")])
        #expect(orphan.status != 0 && orphan.output.contains("without a notify URL"), "\(orphan.output)")
        let retention = try DaemonProcess.run(base + ["--retention-days", "0"])
        #expect(retention.status != 0 && retention.output.contains("retention days"), "\(retention.output)")
        let badKey = directory.path("bad.key")
        try Data("not hex".utf8).write(to: URL(fileURLWithPath: badKey))
        let key = try DaemonProcess.run(base + ["--phone-key-file", badKey])
        #expect(key.status != 0 && key.output.contains("64 hex digits"), "\(key.output)")
    }
}
