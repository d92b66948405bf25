import Foundation
import OneWindowApp
import OneWindowCity
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
        "a hall whose log ends before what the city holds of it (re-installed under the same id) moves no cursor and says why"
    )
    func hallLogBehindCity() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        #expect(try city.post("xigang", issuedBatch(after: 0, first: 1, count: 50), token: token).status == 200)
        let hall = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.cityExport = CityExport(
                url: URL(string: "http://127.0.0.1:\(city.client.port)")!, hallId: "xigang", token: token)
        }
        defer { hall.stop() }
        let kiosk = try hall.createToken(role: .kiosk, name: "kiosk")
        #expect(try hall.issue(token: kiosk, service: "T-JZ-001").status == 201)
        var shown = ""
        let found = try waitUntil(seconds: 10) {
            let health = try hall.client.get("/healthz").json["city"] as? [String: Any]
            shown = health?["lastError"] as? String ?? ""
            return shown.contains("holds events of hall “xigang” up to 50, but this hall's log ends at")
        }
        #expect(found, "/healthz shows “\(shown)”")
        #expect(try hall.application.state.storage.cityCursor() == 0, "the cursor stays")
        let store = city.application.store
        #expect(try CityDatabase.wait { try await store.eventCounts(hallId: "xigang") }.rows == 50)
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
