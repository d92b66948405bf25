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
