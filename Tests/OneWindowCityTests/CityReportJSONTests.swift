import Foundation
import OneWindowCore
import OneWindowHTTP
import Testing

@testable import OneWindowCity

/// The city's report is encoded in shares of halls side by side (`CityReport.json`): the bytes
/// must be those of encoding it whole, whatever the number of shares.
@Suite("The city's report as JSON", .timeLimit(.minutes(1)))
struct CityReportJSONTests {
    static func report(halls: Int) -> CityReport {
        func metrics(open: Int) -> MetricsReport {
            var sums = RollupRangeSum(from: "2026-01-01", to: "2026-12-31")
            var day = DayStats()
            day.ticketsIssued = open * 3
            day.waits = [open: 2, 60 + open: 1]
            sums.add(StoredDay(day), serviceId: "T-\(open % 3)", inRange: true)
            return MetricsReport(
                sums: sums, serviceId: nil, open: ["T-\(open % 3)": open], badReviews: BadReviewCounts(),
                catalogue: nil)
        }
        return CityReport(
            city: metrics(open: 99),
            halls: (0..<halls).map {
                CityReport.Hall(hallId: "hall-\($0)", name: "大厅 \($0)", report: metrics(open: $0))
            })
    }

    @Test("encoded in 1, 2, 3 or more shares than halls, the report is the same bytes as encoded whole")
    func sharesGiveTheSameBytes() async throws {
        for halls in [0, 1, 2, 5] {
            let report = Self.report(halls: halls)
            let whole = Response.encodeJSON(report)
            for parts in [1, 2, 3, 8] {
                let shared = await report.json(parts: parts)
                #expect(
                    shared == whole, "\(halls) halls in \(parts) shares: \(String(decoding: shared, as: UTF8.self))")
            }
            let parsed = try JSONSerialization.jsonObject(with: await report.json()) as? [String: Any]
            #expect((parsed?["halls"] as? [Any])?.count == halls)
        }
    }
}

@Suite("The city's metrics answer says how long its phases took", .serialized, .timeLimit(.minutes(2)))
struct CityServerTimingTests {
    @Test("GET /api/v1/city/metrics carries Server-Timing with the read, report and encode phases")
    func phases() throws {
        let city = try CityHarness()
        defer { city.stop() }
        _ = try city.addHall("xigang")
        let report = try city.metrics("from=2026-01-01&to=2026-12-31")
        #expect(report.status == 200, "\(report.text)")
        let timing = report.headers["server-timing"] ?? ""
        let names = timing.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .map { $0.split(separator: ";").first.map(String.init) ?? "" }
        #expect(names == ["read", "report", "encode"], "\(timing)")
        #expect(timing.split(separator: ",").allSatisfy { $0.contains(";dur=") }, "\(timing)")
    }
}
