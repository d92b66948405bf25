import Foundation
import OneWindowApp
import OneWindowCity
import OneWindowCore
import OneWindowTesting
import Testing

/// `GET /api/v1/halls/{hallId}/catalogue` on the real city service: the base merged with the
/// hall's overrides file, signed, and pulled by a real hall.
@Suite("The city serves each hall its signed catalogue", .timeLimit(.minutes(2)))
final class CityCatalogueTests {
    let folder: TemporaryDirectory
    let key = CatalogueSigningKey()
    let city: CityHarness

    init() throws {
        folder = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder.path("halls"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.validCatalogue, toPath: folder.path("services.json"))
        try Data(key.pem.utf8).write(to: URL(fileURLWithPath: folder.path("city.key")))
        try Self.write(folder, "dalian-zhongshan", #"{"hall": {"address": "中山区人民路1号"}}"#)
        let catalogues = try CityCatalogues(
            baseFile: folder.path("services.json"), overridesFolder: folder.path("halls"),
            keyFile: folder.path("city.key"))
        city = try CityHarness(catalogues: catalogues)
    }

    deinit {
        city.stop()
        folder.remove()
    }

    static func write(_ folder: TemporaryDirectory, _ hall: String, _ json: String) throws {
        try Data(json.utf8).write(to: URL(fileURLWithPath: folder.path("halls/\(hall).json")))
    }

    func overrides(_ hall: String, _ json: String) throws { try Self.write(folder, hall, json) }

    @Test("a hall pulls its merged catalogue from the city, checks the signature, serves it, and gets 304 next")
    func pulledByAHall() throws {
        let answer = try city.client.get("/api/v1/halls/dalian-zhongshan/catalogue")
        #expect(answer.status == 200)
        let signature = try #require(answer.headers["x-onewindow-signature"])
        #expect(throws: Never.self) { try self.key.verifyingKey.verify(answer.body, signature: signature) }
        let hallFolder = try TemporaryDirectory()
        defer { hallFolder.remove() }
        let path = hallFolder.path("services.json")
        let url = try #require(
            URL(string: "http://127.0.0.1:\(city.client.port)/api/v1/halls/dalian-zhongshan/catalogue"))
        let pull = CataloguePull(url: url, key: key.verifyingKey)
        let hall = try TestApplication(catalogue: path) {
            $0.cataloguePath = path
            $0.cataloguePull = pull
            $0.cataloguePull?.intervalSeconds = 3600
        }
        defer { hall.stop() }
        #expect(try hall.client.get("/api/v1/hall").json["address"] as? String == "中山区人民路1号")
        #expect(hall.application.cataloguePuller?.pullNow() == .notModified)
        // The editors change the hall's overrides: the next pull brings them.
        try overrides("dalian-zhongshan", #"{"hall": {"address": "中山区人民路2号"}}"#)
        let outcome = hall.application.cataloguePuller?.pullNow()
        guard case .updated = outcome else {
            Issue.record("the changed overrides were not pulled: \(String(describing: outcome))")
            return
        }
        #expect(try hall.client.get("/api/v1/hall").json["address"] as? String == "中山区人民路2号")
    }

    @Test(
        "a hall id with no overrides file, or not a hall id at all, is 404; overrides that may not be merged are 503",
        arguments: [
            ("/api/v1/halls/dalian-nowhere/catalogue", 404, "hall_not_found"),
            ("/api/v1/halls/Dalian-Zhongshan/catalogue", 404, "hall_not_found"),
            // An encoded slash never reaches the route: the router refuses the path itself.
            ("/api/v1/halls/..%2Fservices/catalogue", 404, "route_not_found"),
            ("/api/v1/halls/-x/catalogue", 404, "hall_not_found"),
            ("/api/v1/halls/dalian-broken/catalogue", 503, "catalogue_unavailable"),
        ])
    func refused(path: String, status: Int, code: String) throws {
        try overrides("dalian-broken", #"{"hall": {"timeZone": "UTC"}}"#)
        let answer = try city.client.get(path)
        #expect(answer.status == status)
        #expect((answer.json["error"] as? [String: Any])?["code"] as? String == code)
    }
}
