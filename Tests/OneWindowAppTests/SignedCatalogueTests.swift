import Foundation
import OneWindowApp
import OneWindowCore
import OneWindowHTTP
import OneWindowTesting
import Testing

/// `SignedCatalogue`: what the city's route sends a hall, pulled by a real hall.
@Suite("The city's signed answer for one hall", .timeLimit(.minutes(1)))
struct SignedCatalogueTests {
    @Test("a hall pulls the merged, signed answer, serves its overrides, and gets 304 from the router next time")
    func pulledByAHall() throws {
        let key = CatalogueSigningKey()
        let base = try Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue))
        let signed = try SignedCatalogue(
            base: base, overrides: Data(#"{"hall": {"address": "中山区人民路1号"}}"#.utf8), hall: "dalian-zhongshan",
            key: key)
        #expect(signed.response.headers["X-OneWindow-Signature"] == signed.signature)
        #expect(throws: Never.self) { try key.verifyingKey.verify(signed.body, signature: signed.signature) }
        let city = try CatalogueServer(.prepared(signed.response))
        defer { city.stop() }
        let hall = try PullingHall(url: city.url, key: key.verifyingKey)
        defer { hall.stop() }
        #expect(try hall.app.client.get("/api/v1/hall").json["address"] as? String == "中山区人民路1号")
        #expect(hall.pullNow() == .notModified)
        #expect(city.served.map(\.status) == [200, 304])
    }

    @Test("overrides that may not be applied are refused before anything is signed")
    func refused() throws {
        let base = try Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue))
        #expect(throws: CatalogueError.self) {
            try SignedCatalogue(
                base: base, overrides: Data(#"{"hall": {"timeZone": "UTC"}}"#.utf8), hall: "x",
                key: CatalogueSigningKey())
        }
    }
}
