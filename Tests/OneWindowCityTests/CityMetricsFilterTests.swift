import Foundation
import OneWindowCity
import OneWindowCore
import OneWindowTesting
import Testing

/// `GET /api/v1/city/metrics` with `hall=` and `service=`, and the city's sum of the halls.
@Suite("The city's metrics for one hall or one service, and their sum", .serialized, .timeLimit(.minutes(2)))
struct CityMetricsFilterTests {
    @Test("hall= gives that hall alone, and the city's sum is its figures; service= counts that service only")
    func filters() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let xigang = try city.addHall("xigang")
        let zhongshan = try city.addHall("zhongshan")
        #expect(try city.post("xigang", issuedBatch(after: 0, first: 1, count: 3), token: xigang).status == 200)
        #expect(try city.post("zhongshan", issuedBatch(after: 0, first: 1, count: 2), token: zhongshan).status == 200)
        func issued(_ query: String) throws -> (city: Int?, halls: [String: Int]) {
            let report = try city.metrics("from=2026-11-02&to=2026-11-02" + query)
            #expect(report.status == 200, "\(query): \(report.text)")
            let halls = (report.json["halls"] as? [[String: Any]] ?? []).reduce(into: [String: Int]()) {
                $0[$1["hallId"] as? String ?? "?"] = $1["ticketsIssued"] as? Int ?? -1
            }
            return ((report.json["city"] as? [String: Any])?["ticketsIssued"] as? Int, halls)
        }
        let all = try issued("")
        #expect(all.city == 5 && all.halls == ["xigang": 3, "zhongshan": 2], "\(all)")
        let one = try issued("&hall=xigang")
        #expect(one.city == 3 && one.halls == ["xigang": 3], "\(one)")
        let service = try issued("&hall=zhongshan&service=T-JZ-001")
        #expect(service.city == 2 && service.halls == ["zhongshan": 2], "\(service)")
        // A service no hall has figures of, and no catalogue names: a mistyped id is not zeros.
        let unknown = try city.metrics("from=2026-11-02&to=2026-11-02&service=T-HY-001")
        #expect(unknown.status == 404 && unknown.errorCode == "service_not_found", "\(unknown.text)")
    }

    @Test("service= of a catalogue's service that no hall has figures of counts zeros; one in neither is 404")
    func serviceInCatalogueOnly() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue))
        let catalogue = try CatalogueLoader.load(data, file: Fixtures.validCatalogue)
        let city = try CityHarness(catalogue: catalogue)
        defer { city.stop() }
        let xigang = try city.addHall("xigang")
        #expect(try city.post("xigang", issuedBatch(after: 0, first: 1, count: 3), token: xigang).status == 200)
        let other = try city.metrics("from=2026-11-02&to=2026-11-02&service=T-HY-001")
        #expect(other.status == 200, "\(other.text)")
        #expect((other.json["city"] as? [String: Any])?["ticketsIssued"] as? Int == 0, "\(other.text)")
        let halls = other.json["halls"] as? [[String: Any]] ?? []
        #expect(halls.map { $0["ticketsIssued"] as? Int } == [0], "\(halls)")
        for id in ["NO-SUCH-1", "t-jz-001", "T-JZ-0011"] {
            let missing = try city.metrics(
                "from=2026-11-02&to=2026-11-02&service=\(id.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
            )
            #expect(missing.status == 404 && missing.errorCode == "service_not_found", "\(id): \(missing.text)")
        }
    }

    /// Tickets issued together and called `waits` seconds later, as one batch from seq 1.
    static func waited(_ waits: [Int]) -> CityEventBatch {
        let issuedAt = 815_000_000.0
        let issued = waits.indices.map { index in
            CityEvent(
                seq: Int64(index + 1), kind: .issued, ticketId: "A\(index)", serviceId: "T-JZ-001", caseId: nil,
                hallDay: "2026-11-02", at: issuedAt, detail: nil)
        }
        let called = waits.enumerated().map { index, wait in
            CityEvent(
                seq: Int64(waits.count + index + 1), kind: .called, ticketId: "A\(index)", serviceId: "T-JZ-001",
                caseId: nil, hallDay: "2026-11-02", at: issuedAt + Double(wait), detail: nil)
        }
        return CityEventBatch(after: 0, events: issued + called)
    }

    @Test("the city's wait median and p90 are of all the halls' waits, never a median of their medians")
    func mergedMedian() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let xigang = try city.addHall("xigang")
        let zhongshan = try city.addHall("zhongshan")
        #expect(try city.post("xigang", Self.waited([10, 20, 30]), token: xigang).status == 200)
        #expect(try city.post("zhongshan", Self.waited([100, 200]), token: zhongshan).status == 200)
        let report = try city.metrics("from=2026-11-02&to=2026-11-02")
        #expect(report.status == 200, "\(report.text)")
        let waits = (report.json["city"] as? [String: Any])?["waitSeconds"] as? [String: Any] ?? [:]
        let halls = (report.json["halls"] as? [[String: Any]] ?? []).map {
            ($0["waitSeconds"] as? [String: Any])?["median"] as? Int
        }
        #expect(Set(halls) == [20, 100], "each hall's own median: \(halls)")
        // 10, 20, 30, 100, 200: the 3rd of 5 is 30 (the halls' medians would give 20 to 100).
        #expect(waits["count"] as? Int == 5, "\(waits)")
        #expect(waits["median"] as? Int == 30, "\(waits)")
        #expect(waits["p90"] as? Int == 200, "\(waits)")
        #expect(waits["mean"] as? Double == 72, "\(waits)")
    }
}
