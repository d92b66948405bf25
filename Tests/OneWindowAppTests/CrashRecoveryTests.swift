import Foundation
import GRDB
import OneWindowStorage
import OneWindowTesting
import Synchronization
import Testing

/// SIGKILL at random moments during mixed load, twenty times over one database.
@Suite("Crash recovery under mixed load", .timeLimit(.minutes(2)))
struct CrashRecoveryTests {
    /// What the daemon acknowledged: tickets issued, calls (ticket → window), completions.
    final class Ledger: Sendable {
        let issued = Mutex<[String: String]>([:])  // id → number
        let called = Mutex<[String: String]>([:])  // id → window
        let completed = Mutex<Set<String>>([])
        let count = Atomic<Int>(0)

        func note() -> Int { count.add(1, ordering: .relaxed).newValue }
    }

    @Test("after each of 20 SIGKILLs every acknowledged change is there, no ticket is at two windows, numbers continue")
    func twentyKills() throws {
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
        // A clerk terminal per window: a clerk token acts only at its own window.
        let clerks = ["1": try token("clerk", "clerk-1", window: "1"), "2": try token("clerk", "clerk-2", window: "2")]
        let ledger = Ledger()
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            let daemon = try DaemonProcess(arguments: ["--catalogue", Fixtures.validCatalogue, "--database", database])
            let killAt = ledger.count.load(ordering: .relaxed) + Int.random(in: 20...120, using: &generator)
            let group = DispatchGroup()
            for worker in 0..<6 {
                group.enter()
                Thread {
                    defer { group.leave() }
                    let client = daemon.client
                    for step in 0..<10_000 {
                        let ok: Bool
                        if worker < 4 {
                            ok = Self.issue(client, kiosk, key: "r\(round)-w\(worker)-\(step)", ledger)
                        } else {
                            let window = worker == 4 ? "1" : "2"
                            ok = Self.serve(client, clerks[window]!, window: window, ledger)
                        }
                        guard ok else { return }
                        if ledger.note() == killAt { daemon.signal(SIGKILL) }
                    }
                }.start()
            }
            #expect(group.wait(timeout: .now() + 120) == .success)
            _ = daemon.waitForExit()
            try Self.verify(database: database, ledger: ledger, round: round)
        }
        let last = try DaemonProcess(arguments: ["--catalogue", Fixtures.validCatalogue, "--database", database])
        defer {
            last.signal(SIGTERM)
            _ = last.waitForExit()
        }
        let stored = try Storage(path: database).tickets(
            day: try last.client.get("/api/v1/queue").json["day"] as! String)
        let next =
            try last.client.send(
                "POST", "/api/v1/tickets",
                headers: ["Authorization": "Bearer \(kiosk)", "Content-Type": "application/json"],
                body: Data(#"{"serviceId":"T-JZ-001"}"#.utf8)
            ).json["number"] as? String
        let highest = stored.filter { $0.prefix == "C" }.map(\.sequence).max() ?? 0
        #expect(next.flatMap { Int($0.dropFirst()) } == highest + 1, "\(next ?? "none") after C\(highest)")
    }

    /// Takes a ticket; false once the daemon is gone.
    static func issue(_ client: TestHTTPClient, _ kiosk: String, key: String, _ ledger: Ledger) -> Bool {
        let body = Data(#"{"serviceId":"\#(key.hasSuffix("0") ? "T-HY-001" : "T-JZ-001")"}"#.utf8)
        let headers = ["Authorization": "Bearer \(kiosk)", "Content-Type": "application/json", "Idempotency-Key": key]
        guard let response = try? client.send("POST", "/api/v1/tickets", headers: headers, body: body) else {
            return false
        }
        if response.status == 201, let id = response.json["id"] as? String,
            let number = response.json["number"] as? String
        {
            ledger.issued.withLock { $0[id] = number }
        }
        return true
    }

    /// Calls the next ticket to `window`, or completes the one it has; false once the daemon is gone.
    static func serve(_ client: TestHTTPClient, _ clerk: String, window: String, _ ledger: Ledger) -> Bool {
        let headers = ["Authorization": "Bearer \(clerk)", "Content-Type": "application/json"]
        guard let windows = try? client.get("/api/v1/windows").json["windows"] as? [[String: Any]] else { return false }
        if let current = windows.first(where: { $0["id"] as? String == window })?["currentTicketId"] as? String {
            let body = Data(#"{"window":"\#(window)","outcome":"completed"}"#.utf8)
            guard
                let response = try? client.send(
                    "POST", "/api/v1/tickets/\(current)/complete", headers: headers, body: body)
            else { return false }
            if response.status == 200 { ledger.completed.withLock { _ = $0.insert(current) } }
            return true
        }
        guard let response = try? client.send("POST", "/api/v1/windows/\(window)/call-next", headers: headers) else {
            return false
        }
        if response.status == 200, let id = (response.json["ticket"] as? [String: Any])?["id"] as? String {
            ledger.called.withLock { $0[id] = window }
        }
        return true
    }

    static func verify(database: String, ledger: Ledger, round: Int) throws {
        let rows = try DatabaseQueue(path: database, configuration: .waitingForLocks).read { db in
            try Row.fetchAll(db, sql: "SELECT id, hall_day, prefix, sequence, status, window FROM ticket")
        }
        var byId: [String: Row] = [:]
        for row in rows { byId[row["id"]] = row }
        for (id, number) in ledger.issued.withLock({ $0 }) {
            let row = byId[id]
            #expect(row != nil, "round \(round): acknowledged ticket \(number) is lost")
        }
        for (id, window) in ledger.called.withLock({ $0 }) {
            let status: String? = byId[id]?["status"]
            #expect(
                status == "called" || status == "completed",
                "round \(round): called ticket \(id) is \(status ?? "lost")")
            #expect(byId[id]?["window"] as String? == window, "round \(round): ticket \(id) moved windows")
        }
        for id in ledger.completed.withLock({ $0 }) {
            #expect(byId[id]?["status"] as String? == "completed", "round \(round): completion of \(id) is lost")
        }
        let open = rows.filter { $0["status"] as String == "called" }
        let windows = open.compactMap { $0["window"] as String? }
        #expect(Set(windows).count == windows.count, "round \(round): a window has two called tickets")
        let numbers = rows.map { "\($0["hall_day"] as String)/\($0["prefix"] as String)\($0["sequence"] as Int)" }
        #expect(Set(numbers).count == numbers.count, "round \(round): a number was issued twice")
    }
}
