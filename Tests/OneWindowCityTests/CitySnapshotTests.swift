import Foundation
import OneWindowCore
import Testing

@testable import OneWindowCity
@testable import OneWindowTesting

/// The city's figures are read in shares of halls, each on a connection of its own, all on one
/// snapshot (`CityDatabase.onOneSnapshot`): what they give is one moment of the city.
@Suite("The city's figures read in shares on one snapshot", .serialized, .timeLimit(.minutes(3)))
struct CitySnapshotTests {
    static let halls = ["xigang", "zhongshan", "shahekou", "ganjingzi", "lvshunkou", "jinzhou"]

    /// The city with `halls`, each holding two tickets of 2 November.
    static func city() throws -> CityHarness {
        let city = try CityHarness()
        for hall in halls {
            let token = try city.addHall(hall)
            #expect(try city.post(hall, issuedBatch(after: 0, first: 1, count: 2), token: token).status == 200)
        }
        // The halls fall into every share (by the hash the read splits them with).
        let shares = try city.cluster.psql(
            "SELECT count(DISTINCT (hashtext(hall_id) & 2147483647) % \(CityStore.endShares)) FROM city_hall",
            database: city.location.database)
        #expect(shares.contains(" \(CityStore.endShares)\n"), "\(shares)")
        return city
    }

    static func issued(_ figures: [String: CityStore.HallFigures]) throws -> [String: Int] {
        try figures.mapValues { try $0.sums(from: "2026-11-02", to: "2026-11-02")["T-JZ-001"]?.ticketsIssued ?? 0 }
    }

    @Test(
        "batches ingested after the snapshot is taken, before the shares read, are in none of them; the next read has them all"
    )
    func batchesBetweenExportAndShares() throws {
        let city = try Self.city()
        defer { city.stop() }
        let store = city.application.store
        let halls = Self.halls
        let read = try CityDatabase.wait(timeout: 60) {
            try await store.figures(
                ranges: [("2026-11-02", "2026-11-02")], hallId: nil, serviceId: nil, today: "2026-11-03",
                afterExport: {
                    for hall in halls {
                        _ = try await store.ingest(hallId: hall, issuedBatch(after: 2, first: 3, count: 5))
                    }
                })
        }
        #expect(try Self.issued(read) == Dictionary(uniqueKeysWithValues: halls.map { ($0, 2) }))
        let after = try CityDatabase.wait(timeout: 60) {
            try await store.figures(
                from: "2026-11-02", to: "2026-11-02", hallId: nil, serviceId: nil, today: "2026-11-03")
        }
        #expect(try Self.issued(after) == Dictionary(uniqueKeysWithValues: halls.map { ($0, 7) }))
        let report = try city.metrics("from=2026-11-02&to=2026-11-02")
        #expect((report.json["city"] as? [String: Any])?["ticketsIssued"] as? Int == 42, "\(report.text)")
    }

    @Test(
        "more reads at once than the pool has connections for their shares all finish (the gate lets two in at a time)")
    func manyReadsAtOnce() throws {
        let city = try Self.city()
        defer { city.stop() }
        let store = city.application.store
        let totals = try CityDatabase.wait(timeout: 60) {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        let figures = try await store.figures(
                            from: "2026-11-02", to: "2026-11-02", hallId: nil, serviceId: nil, today: "2026-11-03")
                        return try Self.issued(figures).values.reduce(0, +)
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
        }
        #expect(totals == Array(repeating: 12, count: 12))
    }

    @Test("a share whose read fails fails the whole read (no figures of part of the city), and the next read works")
    func shareFails() throws {
        let city = try Self.city()
        defer { city.stop() }
        // One hall's running total no rollup. The read keeps the bytes and they are checked as
        // they are summed (`HallFigures.rangeSum`, citysum): that hall's sum throws, and the
        // answer with it.
        try city.cluster.psql(
            "UPDATE city_prefix SET stats = '\\x00'::bytea WHERE hall_id = 'xigang'", database: city.location.database)
        let store = city.application.store
        let read = try CityDatabase.wait(timeout: 60) {
            try await store.figures(
                from: "2026-11-02", to: "2026-11-02", hallId: nil, serviceId: nil, today: "2026-11-03")
        }
        #expect(throws: CityStore.MalformedTotals.self) {
            try read["xigang"]?.rangeSum(from: "2026-11-02", to: "2026-11-02")
        }
        let refused = try city.metrics("from=2026-11-02&to=2026-11-02")
        #expect(refused.status == 503, "\(refused.text)")
        try CityDatabase.wait(timeout: 60) { try await store.buildPrefixes() }
        let report = try city.metrics("from=2026-11-02&to=2026-11-02")
        #expect((report.json["city"] as? [String: Any])?["ticketsIssued"] as? Int == 12, "\(report.text)")
    }
}
