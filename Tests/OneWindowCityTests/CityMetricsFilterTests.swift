import Foundation
import OneWindowCity
import OneWindowTesting
import Testing

/// `GET /api/v1/city/metrics` with `hall=` and `service=`: the reading route, narrowed.
@Suite("The city's metrics for one hall or one service", .serialized, .timeLimit(.minutes(2)))
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
        let other = try issued("&service=T-HY-001")
        #expect(other.city == 0 && other.halls == ["xigang": 0, "zhongshan": 0], "\(other)")
    }
}
