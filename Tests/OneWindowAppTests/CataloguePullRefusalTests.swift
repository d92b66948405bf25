import Foundation
import OneWindowApp
import OneWindowCore
import OneWindowTesting
import Testing

/// Pulls that pass the signature but cannot be taken whole: a reload SIGHUP would refuse, a
/// file over the size limit, and a file the hall cannot write where it keeps the catalogue.
@Suite("Pulled catalogues the hall refuses or cannot keep", .timeLimit(.minutes(2)))
struct CataloguePullRefusalTests {
    let folder: TemporaryDirectory
    let path: String
    let key = CatalogueSigningKey()
    let city: CatalogueServer
    let original: Data
    let hall: TestApplication

    init() throws {
        folder = try TemporaryDirectory()
        path = folder.path("services.json")
        original = try Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue))
        city = try CatalogueServer(.file(original, signature: try key.sign(original)))
        let (path, pull, limit) = (path, CataloguePull(url: city.url, key: key.verifyingKey), original.count + 200)
        hall = try TestApplication(catalogue: path) {
            $0.cataloguePath = path
            $0.cataloguePull = pull
            $0.cataloguePull?.intervalSeconds = 3600
            $0.catalogueMaxBytes = limit
        }
    }

    func stop() {
        hall.stop()
        city.stop()
        folder.remove()
    }

    /// The fixture changed by `change`, signed, served by the city, and pulled.
    func pull(_ change: (inout [String: Any]) -> Void) throws -> CataloguePullOutcome? {
        var document = try JSONSerialization.jsonObject(with: original) as! [String: Any]
        change(&document)
        let bytes = try JSONSerialization.data(withJSONObject: document)
        city.answer(.file(bytes, signature: try key.sign(bytes)))
        return hall.application.cataloguePuller?.pullNow()
    }

    func rename(_ document: inout [String: Any]) {
        var services = document["services"] as! [[String: Any]]
        services[0]["name"] = "新名称"
        document["services"] = services
    }

    func serviceName() throws -> String? {
        try hall.client.get("/api/v1/services/T-HY-001").json["name"] as? String
    }

    func onDisk() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test("a catalogue that drops a service with a waiting ticket is refused as SIGHUP would, naming the ticket")
    func reloadRefused() throws {
        defer { stop() }
        let kiosk = try hall.createToken(role: .kiosk, name: "kiosk-1")
        let number = try hall.issue(token: kiosk, service: "T-JZ-002").json["number"] as! String
        let outcome = try pull { document in
            document["services"] = (document["services"] as! [[String: Any]]).filter {
                $0["id"] as? String != "T-JZ-002"
            }
        }
        #expect(outcome?.code == "reload_refused")
        #expect(outcome?.problem?.contains(number) == true, "\(String(describing: outcome))")
        #expect(try hall.client.get("/api/v1/services/T-JZ-002").status == 200)
        #expect(try onDisk() == original)
        #expect(!FileManager.default.fileExists(atPath: path + ".pulled"), "the staged file is removed")
    }

    @Test("a file over --catalogue-max-bytes fails the check and is not used")
    func tooLarge() throws {
        defer { stop() }
        let padded = original + Data(repeating: UInt8(ascii: " "), count: 400)
        city.answer(.file(padded, signature: try key.sign(padded)))
        let outcome = hall.application.cataloguePuller?.pullNow()
        #expect(outcome?.code == "failed_check")
        #expect(outcome?.problem?.contains("over the limit") == true)
        #expect(try onDisk() == original)
    }

    @Test("a pulled file that cannot be staged is not reloaded; one that cannot be kept serves, and says so")
    func cannotWrite() throws {
        defer { stop() }
        // A folder where the staged copy would go: the write fails before any reload.
        try FileManager.default.createDirectory(atPath: path + ".pulled", withIntermediateDirectories: false)
        let staged = try pull(rename)
        #expect(staged?.code == "not_stored")
        #expect(try serviceName() == "内地居民结婚登记")
        try FileManager.default.removeItem(atPath: path + ".pulled")
        // A folder where the signature goes: the catalogue serves, the file on disk stays the old.
        try FileManager.default.removeItem(atPath: path + ".sig")
        try FileManager.default.createDirectory(atPath: path + ".sig", withIntermediateDirectories: false)
        let kept = try pull(rename)
        #expect(kept?.code == "not_stored")
        #expect(kept?.problem?.contains("a restart would start on the previous file") == true)
        #expect(try serviceName() == "新名称")
        #expect(try onDisk() == original)
        let health = try hall.client.get("/healthz").json
        #expect(health["status"] as? String == "degraded")
        #expect((health["cataloguePull"] as? [String: Any])?["lastOutcome"] as? String == "not_stored")
    }
}
