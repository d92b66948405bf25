import Foundation
import OneWindowCore
import OneWindowHTTP
import OneWindowTesting
import Testing

@testable import OneWindowCity

/// `CityReportWriter` writes the city's report by hand: its bytes must be JSONEncoder's
/// (`Response.encodeJSON`, sorted keys) for any report, so the answer stays what it was.
@Suite("The city's report writer writes JSONEncoder's bytes", .timeLimit(.minutes(3)))
struct CityReportWriterTests {
    /// Reproducible randomness (SplitMix64).
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func expectSameBytes(_ report: CityReport, _ label: String) async {
        let whole = Response.encodeJSON(report)
        for parts in [1, 2, 3] {
            let written = await report.json(parts: parts)
            #expect(written == whole, "\(label), \(parts) shares:\n\(Self.firstDifference(written, whole))")
        }
    }

    /// Where two encodings part, with some bytes either side, for a readable failure.
    static func firstDifference(_ left: Data, _ right: Data) -> String {
        let left = [UInt8](left)
        let right = [UInt8](right)
        let index =
            zip(left, right).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(left.count, right.count)
        func around(_ data: [UInt8]) -> String {
            String(decoding: data[max(0, index - 80)..<min(data.count, index + 80)], as: UTF8.self)
        }
        return "writer:  …\(around(left))…\nencoder: …\(around(right))…"
    }

    @Test("on 200 seeded random reports (odd strings, doubles, bookings with and without rates, extra channels)")
    func randomReports() async {
        var random = Seeded(state: 17)
        for round in 0..<200 {
            let report = CityReport(
                city: Self.randomReport(&random),
                halls: (0..<Int.random(in: 0...4, using: &random)).map { index in
                    CityReport.Hall(
                        hallId: Self.randomText(&random), name: Self.randomText(&random),
                        report: Self.randomReport(&random))
                })
            await Self.expectSameBytes(report, "round \(round)")
        }
    }

    @Test("on the report of CityReportJSONTests, with 0 to 5 halls")
    func sharedReport() async {
        for halls in [0, 1, 2, 5] { await Self.expectSameBytes(CityReportJSONTests.report(halls: halls), "\(halls)") }
    }

    @Test("on the figures of CityEqualityTests' scripted week, for its ranges, with and without a service")
    func scriptedWeek() async throws {
        let hall = try ScriptedMonth()
        defer { hall.stop() }
        try hall.play(days: 7, restartAfter: 3)
        try hall.settle()
        let state = hall.app.application.state
        let catalogue = state.catalogue.published
        for (from, to) in [("2026-11-02", "2026-11-08"), ("2026-11-03", "2026-11-05"), ("2026-11-08", "2026-11-08")] {
            for service in [nil, "T-JZ-001"] {
                let report = try state.metrics.read(from: from, to: to) {
                    $0.report(from: from, to: to, serviceId: service, catalogue: catalogue, today: "2026-11-08")
                }
                #expect(report.services.contains { !$0.mostMissedMaterials.isEmpty } || service != nil)
                let city = CityReport(
                    city: report,
                    halls: [
                        .init(hallId: "xigang", name: "西岗区政务服务中心", report: report),
                        .init(hallId: "zhongshan", name: "中山区", report: report),
                    ])
                await Self.expectSameBytes(city, "\(from)…\(to) \(service ?? "all")")
            }
        }
    }
}
