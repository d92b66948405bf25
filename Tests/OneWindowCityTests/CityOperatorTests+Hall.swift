import Foundation
import OneWindowApp
import OneWindowCity
import OneWindowCore
import OneWindowTesting
import Testing

extension CityOperatorTests {
    @Test(
        "a hall started with a wrong city URL, token or hall id shows in /healthz what the city answered and what to fix"
    )
    func hallSettingsWrong() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let xigang = try city.addHall("xigang")
        let base = "http://127.0.0.1:\(city.client.port)"
        let cases: [(name: String, url: String, hallId: String, token: String, says: String)] = [
            ("the API's path in the URL", "\(base)/api/v1", "xigang", xigang, "without /api/v1"),
            ("a URL where nothing listens", "http://127.0.0.1:1", "xigang", xigang, "cannot reach the city at"),
            ("a token the city does not know", base, "xigang", "not-this-halls-token", "--city-token-file must hold"),
            ("another hall's id", base, "zhongshan", xigang, "--hall-id must be the id"),
        ]
        for item in cases {
            let hall = try TestApplication(catalogue: Fixtures.validCatalogue) {
                $0.cityExport = CityExport(url: URL(string: item.url)!, hallId: item.hallId, token: item.token)
            }
            defer { hall.stop() }
            let kiosk = try hall.createToken(role: .kiosk, name: "kiosk")
            #expect(try hall.issue(token: kiosk, service: "T-JZ-001").status == 201)
            var shown = ""
            let found = try waitUntil(seconds: 10) {
                let health = try hall.client.get("/healthz").json["city"] as? [String: Any]
                shown = health?["lastError"] as? String ?? ""
                return shown.contains(item.says)
            }
            #expect(found, "\(item.name): /healthz shows “\(shown)”")
        }
        let store = city.application.store
        #expect(try CityDatabase.wait { try await store.eventCounts(hallId: "xigang") }.rows == 0)
    }
}

extension CityOperatorTests {
    @Test(
        "a hall restored from a backup older than what the city holds of it moves no cursor and says why; a reinstalled one is refused"
    )
    func hallLogBehindCity() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let database = folder.path("onewindow.sqlite")
        // The backup: a hall's database whose events the city holds, and 50 events of its later
        // life that the city holds too and the backup lacks.
        let before = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.databasePath = database }
        let kiosk = try before.createToken(role: .kiosk, name: "kiosk")
        #expect(try before.issue(token: kiosk, service: "T-JZ-001").status == 201)
        let log = try before.application.state.storage.queueEvents()
        before.stop()
        let last = try #require(log.last?.id)
        let sent = CityEventBatch(after: 0, events: log.map { CityEvent(seq: $0.id, $0.event) })
        #expect(try city.post("xigang", sent, token: token).status == 200)
        #expect(
            try city.post("xigang", issuedBatch(after: last, first: last + 1, count: 50), token: token).status == 200)

        let url = URL(string: "http://127.0.0.1:\(city.client.port)")!
        let restored = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.databasePath = database
            $0.cityExport = CityExport(url: url, hallId: "xigang", token: token)
        }
        var shown = ""
        let found = try waitUntil(seconds: 10) {
            let health = try restored.client.get("/healthz").json["city"] as? [String: Any]
            shown = health?["lastError"] as? String ?? ""
            return shown.contains(
                "holds events of hall “xigang” up to \(last + 50), but this hall's log ends at \(last)")
        }
        #expect(found, "/healthz shows “\(shown)”")
        #expect(shown.contains("onewindow-city hall-reset xigang --yes"), "\(shown)")
        #expect(try restored.application.state.storage.cityCursor() == 0, "the cursor stays")
        restored.stop()
        let store = city.application.store
        #expect(try CityDatabase.wait { try await store.eventCounts(hallId: "xigang") }.rows == Int(last) + 50)

        // A new database under the same id: its first events are not the city's.
        let reinstalled = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.cityExport = CityExport(url: url, hallId: "xigang", token: token)
        }
        defer { reinstalled.stop() }
        let again = try reinstalled.createToken(role: .kiosk, name: "kiosk")
        #expect(try reinstalled.issue(token: again, service: "T-JZ-001").status == 201)
        let refused = try waitUntil(seconds: 10) {
            let health = try reinstalled.client.get("/healthz").json["city"] as? [String: Any]
            shown = health?["lastError"] as? String ?? ""
            return shown.contains("HTTP 409") && shown.contains("sequence_conflict")
        }
        #expect(refused, "/healthz shows “\(shown)”")
        #expect(shown.contains("onewindow-city hall-reset"), "\(shown)")
        #expect(try CityDatabase.wait { try await store.eventCounts(hallId: "xigang") }.rows == Int(last) + 50)
    }
}

extension CityOperatorTests {
    @Test(
        "a hall whose events the city refuses (its clock in 2101) keeps them, retries, and shows the city's reason in /healthz"
    )
    func refusedEventsShown() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        // Wednesday 2101-03-02 10:00 in Shanghai: the city takes times up to 2100 only.
        let clock = ManualClock(Date(timeIntervalSince1970: 4_139_172_000))
        let hall = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.clock = clock.read
            $0.cityExport = CityExport(
                url: URL(string: "http://127.0.0.1:\(city.client.port)")!, hallId: "xigang", token: token)
        }
        defer { hall.stop() }
        let kiosk = try hall.createToken(role: .kiosk, name: "kiosk")
        #expect(try hall.issue(token: kiosk, service: "T-JZ-001").status == 201)
        var health: [String: Any] = [:]
        let shown = try waitUntil(seconds: 10) {
            health = try hall.client.get("/healthz").json["city"] as? [String: Any] ?? [:]
            return (health["lastError"] as? String)?.contains("HTTP 400") == true
        }
        #expect(shown, "\(health)")
        let error = health["lastError"] as? String ?? ""
        #expect(error.contains("is not a time between 2000 and 2100"), "\(error)")
        #expect((health["eventsBehind"] as? Int ?? 0) > 0, "the hall keeps its events: \(health)")
        let store = city.application.store
        #expect(try CityDatabase.wait { try await store.eventCounts(hallId: "xigang") }.rows == 0)
    }
}
