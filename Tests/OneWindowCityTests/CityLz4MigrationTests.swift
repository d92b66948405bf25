import Foundation
import OneWindowCity
import OneWindowTesting
import Testing

/// Migration 0006: the running totals compressed with lz4, the stored ones rewritten.
@Suite("The city's running totals in lz4 (migration 0006)", .serialized, .timeLimit(.minutes(3)))
struct CityLz4MigrationTests {
    /// A running total no hall reads (its hall has no services), over PostgreSQL's 2 kB
    /// threshold and compressible, so that it is stored compressed.
    static let big = """
        INSERT INTO city_prefix (hall_id, service_id, hall_day, stats, cases_open)
        VALUES ('unread', 'T-JZ-001', '2026-11-02', decode(repeat('0123456789abcdef', 400), 'hex'), 0)
        """

    static func compression(_ city: CityHarness) throws -> String {
        try city.cluster.psql(
            """
            SELECT 'method=' || coalesce(pg_column_compression(stats), 'none') || ' md5=' || md5(stats)
            FROM city_prefix WHERE hall_id = 'unread'
            """, database: city.location.database)
    }

    /// The md5 in `compression`'s answer.
    static func digest(_ answer: String) -> Substring? {
        answer.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("md5=") }
    }

    @Test("a running total written now is stored with lz4")
    func newTotalsInLz4() throws {
        let city = try CityHarness()
        defer { city.stop() }
        try city.cluster.psql(Self.big, database: city.location.database)
        let stored = try Self.compression(city)
        #expect(stored.contains("method=lz4"), "\(stored)")
    }

    @Test(
        "totals stored with pglz before it are rewritten with lz4 by migrate (serve refuses it with hall days stored), the same bytes and figures"
    )
    func storedTotalsRewritten() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        #expect(try city.post("xigang", issuedBatch(after: 0, first: 1, count: 3), token: token).status == 200)
        let database = city.location.database
        // Back to before migration 0006, with a total stored compressed by pglz.
        try city.cluster.psql(
            """
            ALTER TABLE city_prefix ALTER COLUMN stats SET COMPRESSION pglz;
            ALTER TABLE city_cohort_prefix ALTER COLUMN changes SET COMPRESSION pglz;
            \(Self.big);
            DELETE FROM city_migration WHERE number = 6
            """, database: database)
        let before = try Self.compression(city)
        #expect(before.contains("method=pglz"), "\(before)")
        let options = CityMigrationRefusalTests.options(city, database)
        let served = try DaemonProcess.runSeparately(
            ["serve", "--port", "0"] + options, timeoutSeconds: 30, executable: "onewindow-city")
        #expect(served.status != 0)
        #expect(served.errors.contains("migration 6 (lz4-prefixes)"), "\(served.errors)")

        let migrated = try DaemonProcess.runSeparately(["migrate"] + options, executable: "onewindow-city")
        #expect(migrated.status == 0, "\(migrated.errors)")
        let after = try Self.compression(city)
        #expect(after.contains("method=lz4"), "\(after)")
        #expect(Self.digest(after) == Self.digest(before), "the same bytes: \(before) \(after)")
        let report = try city.metrics("from=2026-11-02&to=2026-11-02")
        #expect((report.json["city"] as? [String: Any])?["ticketsIssued"] as? Int == 3, "\(report.text)")
    }
}
