import Foundation
import GRDB
import OneWindowTesting
import Synchronization
import Testing

/// `onewindowd backup` while kiosks keep issuing: a consistent, complete copy.
@Suite("Backup", .timeLimit(.minutes(2)))
struct BackupTests {
    @Test(
        "a backup under concurrent writes opens, passes integrity_check and holds every ticket acknowledged before it")
    func underLoad() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.path("onewindow.sqlite")
        let created = try DaemonProcess.run([
            "token", "create", "--role", "kiosk", "--name", "k", "--database", database,
        ])
        let token = try #require(created.output.split(separator: "\n").first.map(String.init))
        let daemon = try DaemonProcess(arguments: ["--catalogue", Fixtures.validCatalogue, "--database", database])
        defer {
            daemon.signal(SIGTERM)
            _ = daemon.waitForExit()
        }
        let acknowledged = Mutex<[String]>([])
        let stop = Atomic<Bool>(false)
        let group = DispatchGroup()
        for worker in 0..<4 {
            group.enter()
            Thread {
                defer { group.leave() }
                let client = daemon.client
                var index = 0
                while !stop.load(ordering: .relaxed) {
                    index += 1
                    let response = try? client.send(
                        "POST", "/api/v1/tickets",
                        headers: [
                            "Authorization": "Bearer \(token)", "Content-Type": "application/json",
                            "Idempotency-Key": "w\(worker)-\(index)",
                        ], body: Data(#"{"serviceId":"T-JZ-001"}"#.utf8))
                    if response?.status == 201, let id = response?.json["id"] as? String {
                        acknowledged.withLock { $0.append(id) }
                    }
                }
            }.start()
        }
        let warmedUp = waitUntil(seconds: 60, interval: 0.02) { acknowledged.withLock { $0.count } >= 200 }
        #expect(warmedUp, "the daemon did not acknowledge 200 tickets in time")
        let before = Set(acknowledged.withLock { $0 })
        let copy = directory.path("copy.sqlite")
        let backup = try DaemonProcess.run(["backup", "--database", database, "--to", copy])
        let afterCount = acknowledged.withLock { $0.count }
        stop.store(true, ordering: .relaxed)
        #expect(group.wait(timeout: .now() + 60) == .success, "the writers did not stop")
        #expect(backup.status == 0, "\(backup.output)")
        #expect(backup.output.contains("integrity ok"))
        #expect(afterCount > before.count, "the daemon went on issuing during the backup")
        let copied = try DatabaseQueue(path: copy, configuration: .waitingForLocks)
        #expect(try copied.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        let ids = try copied.read { try Set(String.fetchAll($0, sql: "SELECT id FROM ticket")) }
        #expect(before.isSubset(of: ids), "\(before.subtracting(ids).count) acknowledged tickets missing from the copy")

        let again = try DaemonProcess.run(["backup", "--database", database, "--to", copy])
        #expect(again.status != 0 && again.output.contains("\(copy): the file exists; pass --force"), "\(again.output)")
        let forced = try DaemonProcess.run(["backup", "--database", database, "--to", copy, "--force"])
        #expect(forced.status == 0, "\(forced.output)")
        #expect(!FileManager.default.fileExists(atPath: copy + ".partial"))
    }
}
