import Foundation
import OneWindowCity
import OneWindowTesting
import Testing

/// The running totals are checked as they are summed (`CityStore.HallFigures.rangeSum`), not as
/// they are read: a stored row that does not read must still fail the answer, never leave its
/// hall's figures out or give a wrong number.
@Suite("A running total that does not read", .serialized, .timeLimit(.minutes(2)))
struct CityMalformedTotalsTests {
    @Test("a hall's broken running total answers 503 for the metrics and the disclosure; the other hall still answers")
    func brokenRow() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let xigang = try city.addHall("xigang")
        let zhongshan = try city.addHall("zhongshan")
        #expect(try city.post("xigang", issuedBatch(after: 0, first: 1, count: 3), token: xigang).status == 200)
        #expect(try city.post("zhongshan", issuedBatch(after: 0, first: 1, count: 2), token: zhongshan).status == 200)
        #expect(try city.metrics("from=2026-11-02&to=2026-11-02").status == 200)
        // A byte past the end: an empty ratings section, which no rollup has (`DayStats.rollup()`).
        try CityPrefixTests.psql(
            city, "UPDATE city_prefix SET stats = stats || '\\x00'::bytea WHERE hall_id = 'zhongshan'")
        let broken = try city.metrics("from=2026-11-02&to=2026-11-02")
        #expect(broken.status == 503, "\(broken.text)")
        #expect((broken.json["error"] as? [String: Any])?["code"] as? String == "database_unavailable")
        #expect(try city.metrics("from=2026-11-02&to=2026-11-02&hall=zhongshan").status == 503)
        let other = try city.metrics("from=2026-11-02&to=2026-11-02&hall=xigang")
        #expect(other.status == 200, "\(other.text)")
        #expect((other.json["city"] as? [String: Any])?["ticketsIssued"] as? Int == 3)
        let disclosure = try city.client.get("/api/v1/city/disclosure")
        #expect(disclosure.status == 503, "\(disclosure.text)")
    }
}
