import Foundation
import GRDB
import OneWindowApp
import OneWindowCity
import OneWindowStorage
import OneWindowTesting
import Testing

/// The hall's sender against a real city service.
@Suite("The hall's sender to the city", .serialized, .timeLimit(.minutes(2)))
struct CitySenderTests {
    @Test("a cursor that cannot be written holds the events back; the city stores them once and the cursor catches up")
    func cursorWriteFails() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("hall.sqlite"), configuration: Storage.configuration())
        let storage = try Storage(writer: pool)
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER city_cursor_fails BEFORE UPDATE OF held_seq ON city_cursor
                    BEGIN SELECT RAISE(ABORT, 'injected: the cursor cannot be written'); END
                    """)
        }
        let hall = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.storage = storage
            $0.cityExport = CityExport(
                url: URL(string: "http://127.0.0.1:\(city.client.port)")!, hallId: "xigang", token: token)
        }
        defer { hall.stop() }
        let kiosk = try hall.createToken(role: .kiosk, name: "kiosk")
        for _ in 0..<3 { #expect(try hall.issue(token: kiosk, service: "T-JZ-001").status == 201) }
        let last = try storage.lastQueueEventId()
        let store = city.application.store
        func held() throws -> Int64 {
            try CityDatabase.wait { try await store.halls() }.first?.heldSeq ?? 0
        }
        #expect(try waitUntil(seconds: 10) { try held() == last }, "the city got the events")
        #expect(
            try waitUntil(seconds: 10) {
                let health = try hall.client.get("/healthz").json["city"] as? [String: Any]
                return (health?["lastError"] as? String)?.contains("cannot record") == true
            })
        #expect(try storage.cityCursor() == 0)
        try pool.write { try $0.execute(sql: "DROP TRIGGER city_cursor_fails") }
        #expect(try waitUntil(seconds: 20) { try storage.cityCursor() == last }, "the cursor catches up")
        let health = try hall.client.get("/healthz").json["city"] as? [String: Any]
        #expect(health?["eventsBehind"] as? Int == 0, "\(health ?? [:])")
        let counts = try CityDatabase.wait { try await store.eventCounts(hallId: "xigang") }
        #expect(counts.rows == Int(last) && counts.distinct == Int(last))
    }

    @Test("onewindowd serve refuses a city URL without a hall id or token file, and a token file others can read")
    func options() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let tokenFile = directory.path("city.token")
        try Data("a-token-0123456789\n".utf8).write(to: URL(fileURLWithPath: tokenFile))
        chmod(tokenFile, 0o644)
        let base = ["serve", "--catalogue", Fixtures.validCatalogue, "--database", directory.path("h.sqlite")]
        let noHall = try DaemonProcess.run(base + ["--city-url", "http://127.0.0.1:9"])
        #expect(noHall.status != 0 && noHall.output.contains("--hall-id"), "\(noHall.output)")
        let noToken = try DaemonProcess.run(base + ["--city-url", "http://127.0.0.1:9", "--hall-id", "xigang"])
        #expect(noToken.status != 0 && noToken.output.contains("--city-token-file"), "\(noToken.output)")
        let readable = try DaemonProcess.run(
            base + ["--city-url", "http://127.0.0.1:9", "--hall-id", "xigang", "--city-token-file", tokenFile])
        #expect(readable.status != 0 && readable.output.contains("chmod 600"), "\(readable.output)")
        let badURL = try DaemonProcess.run(
            base + ["--city-url", "ftp://city", "--hall-id", "x", "--city-token-file", tokenFile])
        #expect(badURL.status != 0 && badURL.output.contains("not an http"), "\(badURL.output)")
    }
}
