import Foundation
import OneWindowStorage
import OneWindowTesting
import Synchronization
import Testing

/// `systemctl restart` at 9 a.m.: SIGTERM while kiosks issue on kept-alive connections and
/// boards reconnect on theirs.
@Suite("Stopping under load", .timeLimit(.minutes(2)))
struct StopUnderLoadTests {
    @Test("SIGTERM under load with reconnecting boards exits 0 within 15 s, and every 201 is on disk")
    func sigtermUnderLoad() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.path("onewindow.sqlite")
        let created = try DaemonProcess.run([
            "token", "create", "--role", "kiosk", "--name", "kiosk", "--database", database,
        ])
        let token = try #require(created.output.split(separator: "\n").first.map(String.init))
        let daemon = try DaemonProcess(arguments: ["--catalogue", Fixtures.validCatalogue, "--database", database])
        let acknowledged = Mutex<[String]>([])
        let stop = Atomic<Bool>(false)
        let boardsServed = Atomic<Int>(0)
        let group = DispatchGroup()
        for kiosk in 0..<16 {
            group.enter()
            Thread {
                defer { group.leave() }
                var connection = try? RawConnection(port: daemon.port, timeoutSeconds: 20)
                for index in 0..<100_000 where !stop.load(ordering: .relaxed) {
                    guard let open = connection else { return }
                    let response = try? open.request(
                        "POST", "/api/v1/tickets",
                        headers: [
                            "Authorization": "Bearer \(token)", "Content-Type": "application/json",
                            "Idempotency-Key": "k\(kiosk)-\(index)",
                        ], body: #"{"serviceId":"T-JZ-001"}"#)
                    if response?.status == 201, let id = response?.json["id"] as? String {
                        acknowledged.withLock { $0.append(id) }
                    }
                    // A closed connection (the stop's `Connection: close`) is reopened, as kiosks do.
                    if response == nil || response?.headers["connection"] == "close" {
                        connection = try? RawConnection(port: daemon.port, timeoutSeconds: 20)
                    }
                }
            }.start()
        }
        for _ in 0..<2 {
            group.enter()
            Thread {
                defer { group.leave() }
                while !stop.load(ordering: .relaxed) {
                    guard let board = try? RawConnection(port: daemon.port, timeoutSeconds: 20) else { return }
                    // Ask for the stream, and when it ends, ask again on the same connection.
                    for _ in 0..<3 {
                        guard board.send("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") else { break }
                        boardsServed.add(1, ordering: .relaxed)
                        if !board.waitForClose(seconds: 0.3) { continue }
                        break
                    }
                }
            }.start()
        }
        while acknowledged.withLock({ $0.count }) < 300 { Thread.sleep(forTimeInterval: 0.05) }
        let started = Date()
        daemon.signal(SIGTERM)
        let status = daemon.waitForExit(timeoutSeconds: 20)
        let took = Date().timeIntervalSince(started)
        stop.store(true, ordering: .relaxed)
        #expect(group.wait(timeout: .now() + 60) == .success)
        #expect(status == 0, "exit status \(status); log:\n\(daemon.log.suffix(2000))")
        #expect(took < 15, "the stop took \(took) s")
        #expect(!daemon.log.contains("MHD_stop_daemon"), "\(daemon.log.suffix(2000))")
        #expect(boardsServed.load(ordering: .relaxed) > 0)
        let storage = try Storage(path: database)
        let ids = acknowledged.withLock { $0 }
        for id in ids {
            #expect(try storage.ticket(id: id) != nil, "acknowledged ticket \(id) is not on disk")
        }
    }
}
