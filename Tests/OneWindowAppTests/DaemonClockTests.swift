import Foundation
import OneWindowTesting
import Testing

/// A real `onewindowd` whose clock libfaketime moves (`ProcessClock`), as the city's failure test
/// moves a hall's: the closing time and the day's rollover follow the daemon's wall clock.
@Suite("The daemon on a moved clock", .serialized, .timeLimit(.minutes(2)))
struct DaemonClockTests {
    @Test("moved past its closing time the daemon expires the waiting ticket; past midnight it numbers afresh")
    func closingAndNextDay() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let clock = try ProcessClock(file: directory.path("faketime"))
        // 17:00 in the hall (Asia/Shanghai, UTC+8) today, whatever the time is here.
        let hallNow = Date().timeIntervalSince1970 + 8 * 3600
        try clock.advance(Int((hallNow / 86_400).rounded(.down) * 86_400 + 17 * 3600 - hallNow))
        let database = directory.path("hall.sqlite")
        let created = try DaemonProcess.run(
            ["token", "create", "--role", "kiosk", "--name", "kiosk", "--database", database])
        let kiosk = try #require(created.output.split(separator: "\n").first.map(String.init))
        let daemon = try DaemonProcess(
            arguments: [
                "--catalogue", Fixtures.validCatalogue, "--database", database, "--closing-time", "17:30",
            ], environment: clock.environment)
        defer {
            daemon.signal(SIGTERM)
            _ = daemon.waitForExit()
        }
        func issue() throws -> [String: Any] {
            let issued = try daemon.client.send(
                "POST", "/api/v1/tickets",
                headers: ["Authorization": "Bearer \(kiosk)", "Content-Type": "application/json"],
                body: Data(#"{"serviceId":"T-JZ-001"}"#.utf8))
            #expect(issued.status == 201, "\(issued.text)")
            return issued.json
        }
        let first = try issue()
        let id = try #require(first["id"] as? String)
        // The daemon's own Date() is the moved one: the ticket was issued at 17:00 in the hall.
        let issuedAt = try #require((first["issuedAt"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) })
        #expect(abs(issuedAt.timeIntervalSince(clock.read())) < 120, "issued at \(issuedAt), clock \(clock.read())")
        #expect(first["status"] as? String == "waiting")

        try clock.advance(31 * 60)  // 17:31: the commit thread closes the day by itself
        var status = ""
        let closed = try waitUntil(seconds: 10, interval: 0.05) {
            status = try daemon.client.get("/api/v1/tickets/\(id)").json["status"] as? String ?? ""
            return status == "expired"
        }
        #expect(closed, "still \(status) past closing")

        try clock.advance(7 * 3600)  // 00:31 the next day: a new hall day, numbered afresh
        let next = try issue()
        #expect(next["id"] as? String != id)
        #expect(next["number"] as? String == first["number"] as? String, "\(first) then \(next)")
        #expect(next["status"] as? String == "waiting", "the new day is open until its own closing")
    }
}
