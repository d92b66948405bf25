import Foundation
import OneWindowApp
import OneWindowTesting
import Testing

/// With `--catalogue-url` the catalogue is the city's: a file changed by hand on the hall's
/// server (and reloaded with SIGHUP) is replaced by the city's at the next pull.
@Suite("A pulled catalogue changed by hand", .timeLimit(.minutes(1)))
struct CatalogueHandEditTests {
    @Test("a hand-edited file is asked for without If-None-Match, and the city's comes back")
    func handEdit() throws {
        let key = CatalogueSigningKey()
        let original = try Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue))
        let city = try CatalogueServer(.file(original, signature: try key.sign(original)))
        defer { city.stop() }
        let hall = try PullingHall(url: city.url, key: key.verifyingKey)
        defer { hall.stop() }
        let path = hall.path
        #expect(hall.pullNow() == .notModified)
        var document = try JSONSerialization.jsonObject(with: original) as! [String: Any]
        var services = document["services"] as! [[String: Any]]
        services[0]["name"] = "本地改的名称"
        document["services"] = services
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
        guard case .success = hall.app.application.reloadCatalogue() else {
            Issue.record("the hand-edited file was not reloaded")
            return
        }
        #expect(try hall.app.client.get("/api/v1/services/T-HY-001").json["name"] as? String == "本地改的名称")
        #expect(hall.pullNow()?.code == "updated")
        #expect(city.served.last?.ifNoneMatch == nil)
        #expect(city.served.last?.status == 200)
        #expect(try hall.app.client.get("/api/v1/services/T-HY-001").json["name"] as? String == "内地居民结婚登记")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
        #expect(hall.pullNow() == .notModified)
    }
}
