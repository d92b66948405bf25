import Foundation
import OneWindowStorage
import OneWindowTesting
import Testing

/// A ticket whose 201 was sent survives a SIGKILL at any moment.
@Suite("Durability under SIGKILL", .timeLimit(.minutes(2)))
struct DurabilityTests {
    /// The acknowledged tickets, from many threads.
    final class Acks: @unchecked Sendable {
        private let lock = NSLock()
        private var tickets: [(id: String, number: String)] = []

        /// Adds one and returns how many there are now.
        func add(id: String, number: String) -> Int {
            lock.withLock {
                tickets.append((id, number))
                return tickets.count
            }
        }

        var all: [(id: String, number: String)] { lock.withLock { tickets } }
    }

    @Test(
        "after a SIGKILL during concurrent issuing, every acknowledged ticket is there, numbers are unique and continue"
    )
    func sigkillDuringIssuing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.path("onewindow.sqlite")
        let arguments = ["--catalogue", Fixtures.validCatalogue, "--database", database]
        let created = try DaemonProcess.run([
            "token", "create", "--role", "kiosk", "--name", "kiosk", "--database", database,
        ])
        let token = try #require(created.output.split(separator: "\n").first.map(String.init))
        let daemon = try DaemonProcess(arguments: arguments)
        let client = daemon.client
        let acks = Acks()
        let killAfter = 300
        let group = DispatchGroup()
        for thread in 0..<8 {
            group.enter()
            Thread {
                defer { group.leave() }
                for index in 0..<1000 {
                    let body = Data(#"{"serviceId":"\#(index % 2 == 0 ? "T-JZ-001" : "T-HY-001")"}"#.utf8)
                    let headers = [
                        "Authorization": "Bearer \(token)", "Content-Type": "application/json",
                        "Idempotency-Key": "t\(thread)-\(index)",
                    ]
                    guard let response = try? client.send("POST", "/api/v1/tickets", headers: headers, body: body)
                    else {
                        return  // the daemon is gone
                    }
                    guard response.status == 201, let id = response.json["id"] as? String,
                        let number = response.json["number"] as? String
                    else { continue }
                    if acks.add(id: id, number: number) == killAfter { daemon.signal(SIGKILL) }
                }
            }.start()
        }
        #expect(group.wait(timeout: .now() + 120) == .success)
        _ = daemon.waitForExit()
        let acknowledged = acks.all
        #expect(acknowledged.count >= killAfter)

        let restarted = try DaemonProcess(arguments: arguments)
        defer {
            restarted.signal(SIGTERM)
            _ = restarted.waitForExit()
        }
        for ack in acknowledged {
            let read = try restarted.client.get("/api/v1/tickets/\(ack.id)")
            #expect(read.status == 200, "acknowledged ticket \(ack.number) is lost")
            #expect(read.json["number"] as? String == ack.number)
        }
        let stored = try Storage(path: database).tickets(
            day: restarted.client.get("/api/v1/queue").json["day"] as! String)
        let numbers = stored.map(\.number)
        #expect(Set(numbers).count == numbers.count, "a number was issued twice")
        #expect(Set(acknowledged.map(\.number)).count == acknowledged.count)
        for (service, prefix) in [("T-JZ-001", "C"), ("T-HY-001", "A")] {
            let response = try restarted.client.send(
                "POST", "/api/v1/tickets",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: Data(#"{"serviceId":"\#(service)"}"#.utf8))
            let number = try #require(response.json["number"] as? String)
            let last = stored.filter { $0.prefix == prefix }.map(\.sequence).max() ?? 0
            #expect(Int(number.dropFirst()) == last + 1, "\(number) does not continue after \(prefix)\(last)")
        }
    }
}
