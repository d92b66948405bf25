import Foundation
import GRDB
import OneWindowStorage
import OneWindowTesting
import Synchronization
import Testing

/// What reads showed before a SIGKILL is what the daemon finds after it.
@Suite("Reads under SIGKILL", .timeLimit(.minutes(3)))
struct ReadDurabilityTests {
    /// Every call a read showed ("C012@1": the number at window 1), and the writes made.
    final class Shown: Sendable {
        let calls = Mutex<Set<String>>([])
        let writes = Atomic<Int>(0)
        let reads = Atomic<Int>(0)
        /// The write count after which the next read that shows a new call kills the daemon.
        let armedAt = Atomic<Int>(.max)
        let killed = Atomic<Bool>(false)
    }

    @Test("after each of 12 SIGKILLs under tickets, calls and reads, every call any read showed is on disk")
    func shownCallsSurvive() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.path("onewindow.sqlite")
        func token(_ role: String, _ name: String, window: String? = nil) throws -> String {
            let place = window.map { ["--window", $0, "--catalogue", Fixtures.validCatalogue] } ?? []
            let created = try DaemonProcess.run(
                ["token", "create", "--role", role, "--name", name, "--database", database] + place)
            return try #require(created.output.split(separator: "\n").first.map(String.init))
        }
        let kiosk = try token("kiosk", "kiosk")
        let clerks = ["1": try token("clerk", "clerk-1", window: "1"), "2": try token("clerk", "clerk-2", window: "2")]
        let shown = Shown()
        var generator = SystemRandomNumberGenerator()
        for round in 0..<12 {
            let daemon = try DaemonProcess(arguments: ["--catalogue", Fixtures.validCatalogue, "--database", database])
            // Killed right after a read shows a call it had not shown before (if that call's commit
            // were still in progress, the kill would likely beat it), or after 400 writes more.
            let start = shown.writes.load(ordering: .relaxed)
            shown.armedAt.store(start + Int.random(in: 20...120, using: &generator), ordering: .relaxed)
            shown.killed.store(false, ordering: .relaxed)
            let kill: @Sendable () -> Void = {
                if !shown.killed.exchange(true, ordering: .relaxed) { daemon.signal(SIGKILL) }
            }
            let group = DispatchGroup()
            for worker in 0..<7 {
                group.enter()
                Thread {
                    defer { group.leave() }
                    let client = daemon.client
                    for step in 0..<20_000 {
                        let ok: Bool
                        switch worker {
                        case 0..<3:
                            ok = CrashRecoveryTests.issue(client, kiosk, key: "r\(round)-w\(worker)-\(step)", .init())
                        case 3, 4:
                            let window = worker == 3 ? "1" : "2"
                            ok = CrashRecoveryTests.serve(client, clerks[window]!, window: window, .init())
                        default:
                            guard let new = Self.look(client, worker == 5 ? "/api/v1/queue" : "/api/v1/windows", shown)
                            else { return }
                            shown.reads.add(1, ordering: .relaxed)
                            if new, shown.writes.load(ordering: .relaxed) >= shown.armedAt.load(ordering: .relaxed) {
                                kill()
                            }
                            continue
                        }
                        guard ok else { return }
                        if shown.writes.add(1, ordering: .relaxed).newValue >= start + 400 { kill() }
                    }
                }.start()
            }
            #expect(group.wait(timeout: .now() + 60) == .success, "round \(round) did not end")
            _ = daemon.waitForExit()
            try Self.verify(database: database, shown: shown, round: round)
        }
        #expect(shown.reads.load(ordering: .relaxed) > 0)
        #expect(!shown.calls.withLock { $0 }.isEmpty, "no read showed a call: the test proved nothing")
    }

    /// Reads the queue's last calls or the windows and notes every call shown; whether one was
    /// new, or nil once the daemon is gone.
    static func look(_ client: TestHTTPClient, _ path: String, _ shown: Shown) -> Bool? {
        guard let response = try? client.get(path), response.status == 200 else { return nil }
        var calls: [String] = []
        if let last = response.json["lastCalls"] as? [[String: Any]] {
            calls = last.compactMap { call in
                guard let number = call["number"] as? String, let window = call["window"] as? String else { return nil }
                return "\(number)@\(window)"
            }
        }
        if let windows = response.json["windows"] as? [[String: Any]] {
            calls += windows.compactMap { window in
                guard let number = window["currentTicket"] as? String, let id = window["id"] as? String else {
                    return nil
                }
                return "\(number)@\(id)"
            }
        }
        return shown.calls.withLock { seen in
            let before = seen.count
            seen.formUnion(calls)
            return seen.count > before
        }
    }

    /// Every call shown is on disk: its ticket called or served at that window.
    static func verify(database: String, shown: Shown, round: Int) throws {
        let rows = try DatabaseQueue(path: database, configuration: .waitingForLocks).read { db in
            try Row.fetchAll(db, sql: "SELECT prefix, sequence, status, window FROM ticket")
        }
        var byNumber: [String: Row] = [:]
        for row in rows {
            let sequence: Int = row["sequence"]
            let digits = String(sequence)
            let number = (row["prefix"] as String) + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
            byNumber[number] = row
        }
        for call in shown.calls.withLock({ $0 }) {
            let parts = call.split(separator: "@").map(String.init)
            let row = byNumber[parts[0]]
            let status: String? = row?["status"]
            #expect(
                status == "called" || status == "completed",
                "round \(round): \(parts[0]) was shown called at window \(parts[1]) and is \(status ?? "not on disk")")
            #expect(row?["window"] as String? == parts[1], "round \(round): \(parts[0]) is not at window \(parts[1])")
        }
    }
}
