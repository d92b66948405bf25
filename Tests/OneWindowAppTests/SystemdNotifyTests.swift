import Foundation
import OneWindowTesting
import Testing

/// The daemon speaks systemd's notify protocol to a datagram socket the test opens itself.
@Suite("systemd notifications", .timeLimit(.minutes(2)))
struct SystemdNotifyTests {
    @Test("READY after start, watchdog pings while running, RELOADING and READY around SIGHUP, STOPPING on SIGTERM")
    func notifyProtocol() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let listener = try DatagramListener(path: directory.path("notify.sock"))
        let daemon = try DaemonProcess(
            arguments: ["--catalogue", Fixtures.validCatalogue, "--database", directory.path("db.sqlite")],
            environment: ["NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "400000"])
        var seen: [String] = []
        #expect(listener.wait(for: "READY=1", seconds: 10, seen: &seen), "\(seen)")
        #expect(seen.last?.contains("MAINPID=") == true)
        var pings = 0
        let deadline = Date().addingTimeInterval(3)
        while pings < 3, Date() < deadline, let message = listener.receive(seconds: 2) {
            if message == "WATCHDOG=1" { pings += 1 }
        }
        #expect(pings >= 3, "watchdog pings every 0.2 s were expected")
        daemon.signal(SIGHUP)
        seen = []
        #expect(listener.wait(for: "RELOADING=1", seconds: 10, seen: &seen), "\(seen)")
        #expect(seen.last?.contains("MONOTONIC_USEC=") == true)
        #expect(listener.wait(for: "READY=1", seconds: 10, seen: &seen), "\(seen)")
        daemon.signal(SIGTERM)
        #expect(listener.wait(for: "STOPPING=1", seconds: 10, seen: &seen), "\(seen)")
        #expect(daemon.waitForExit() == 0)
    }

    @Test("without NOTIFY_SOCKET nothing is sent and the daemon runs as before")
    func withoutSystemd() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let daemon = try DaemonProcess(arguments: [
            "--catalogue", Fixtures.validCatalogue, "--database", directory.path("db.sqlite"),
        ])
        #expect(try daemon.client.get("/healthz").status == 200)
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
    }
}
