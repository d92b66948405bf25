import Foundation
import OneWindowCore
import Testing

@testable import OneWindowCity
@testable import OneWindowTesting

@Suite("The city's per hall-month rollups", .serialized, .timeLimit(.minutes(2)))
struct CityMonthTests {
    static func issued(_ report: TestResponse) -> Int? {
        (report.json["city"] as? [String: Any])?["ticketsIssued"] as? Int
    }

    @Test("a late batch for a day of a month already over updates that month's sum, and a whole-month range reads it")
    func lateBatchUpdatesItsMonth() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        func send(_ batch: CityEventBatch) throws {
            let response = try city.post("xigang", batch, token: token)
            #expect(response.status == 200, "\(response.text)")
        }
        try send(issuedBatch(after: 0, first: 1, count: 3, day: "2026-10-10"))
        try send(issuedBatch(after: 3, first: 4, count: 4, day: "2026-11-02"))
        #expect(Self.issued(try city.metrics("from=2026-10-01&to=2026-10-31")) == 3)
        // October is over (the hall is in November) when two more of its tickets arrive.
        try send(issuedBatch(after: 7, first: 8, count: 2, day: "2026-10-12"))
        #expect(Self.issued(try city.metrics("from=2026-10-01&to=2026-10-31")) == 5)
        #expect(Self.issued(try city.metrics("from=2026-10-01&to=2026-11-30")) == 9)
        #expect(Self.issued(try city.metrics("from=2026-10-11&to=2026-11-30")) == 6)
        #expect(Self.issued(try city.metrics("from=2026-10-12&to=2026-10-12")) == 2)
        #expect(Self.issued(try city.metrics("from=2026-09-01&to=2026-09-30")) == 0)
        // A batch sent again adds nothing to the month.
        try send(issuedBatch(after: 7, first: 8, count: 2, day: "2026-10-12"))
        #expect(Self.issued(try city.metrics("from=2026-10-01&to=2026-10-31")) == 5)
    }

    /// Runs `sql` with psql on the harness's database.
    static func psql(_ city: CityHarness, _ sql: String) throws {
        let location = city.location
        try city.cluster.run(
            "psql",
            [
                "-h", "127.0.0.1", "-p", "\(location.port)", "-U", location.user, "-d", location.database,
                "-v", "ON_ERROR_STOP=1", "-c", sql,
            ])
    }

    @Test("when a month's rollup cannot be written the whole batch is refused (503), and sent again it is stored once")
    func monthWriteFails() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        #expect(
            try city.post("xigang", issuedBatch(after: 0, first: 1, count: 3, day: "2026-10-10"), token: token)
                .status == 200)
        try Self.psql(
            city,
            """
            CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
            CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON city_month FOR EACH ROW EXECUTE FUNCTION refuse();
            """)
        let late = issuedBatch(after: 3, first: 4, count: 4, day: "2026-11-02")
        #expect(try city.post("xigang", late, token: token).errorCode == "database_unavailable")
        let store = city.application.store
        #expect(try CityDatabase.wait { try await store.eventCounts(hallId: "xigang") }.rows == 3)
        #expect(Self.issued(try city.metrics("from=2026-11-02&to=2026-11-02")) == 0)
        #expect(try CityDatabase.wait { try await store.halls() }.first?.heldSeq == 3)
        try Self.psql(city, "DROP TRIGGER refuse ON city_month")
        let again = try city.post("xigang", late, token: token)
        #expect(again.status == 200, "\(again.text)")
        #expect(again.json["held"] as? Int == 7 && again.json["stored"] as? Int == 4)
        #expect(Self.issued(try city.metrics("from=2026-11-01&to=2026-11-30")) == 4)
        #expect(Self.issued(try city.metrics("from=2026-10-01&to=2026-10-31")) == 3)
    }

    @Test("migration 0002's backfill sums the days already stored into their months")
    func backfill() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        #expect(
            try city.post("xigang", issuedBatch(after: 0, first: 1, count: 3, day: "2026-10-10"), token: token)
                .status == 200)
        #expect(
            try city.post("xigang", issuedBatch(after: 3, first: 4, count: 2, day: "2026-10-31"), token: token)
                .status == 200)
        try Self.psql(city, "DELETE FROM city_month")
        // A whole month is read from city_month only: without its row, nothing.
        #expect(Self.issued(try city.metrics("from=2026-10-01&to=2026-10-31")) == 0)
        let store = city.application.store
        try CityDatabase.wait { try await store.sumStoredMonths() }
        #expect(Self.issued(try city.metrics("from=2026-10-01&to=2026-10-31")) == 5)
        #expect(Self.issued(try city.metrics("from=2026-10-01&to=2026-10-30")) == 3)
    }

    @Test("a range splits into the whole months inside it and the days around them, leap years too")
    func monthRanges() {
        let year = MonthRange(from: "2025-12-06", to: "2026-12-05")
        #expect(year.firstWhole == "2026-01" && year.lastWhole == "2026-11" && year.lastMonth == "2026-12")
        #expect(year.headEnd == "2026-01" && year.tailStart == "2026-12" && year.tailEnd == "2027-01")
        let month = MonthRange(from: "2026-02-01", to: "2026-02-28")
        #expect(month.firstWhole == "2026-02" && month.lastWhole == "2026-02")
        #expect(month.headEnd == "2026-02" && month.tailStart == "2026-03" && month.tailEnd == "2026-03")
        let leap = MonthRange(from: "2024-02-02", to: "2024-02-29")
        #expect(leap.firstWhole == nil && leap.lastWhole == nil)
        #expect(leap.headEnd == "2024-03" && leap.tailStart == "2024-03" && leap.tailEnd == "2024-03")
        #expect(MonthRange(from: "2024-01-01", to: "2024-02-28").lastWhole == "2024-01")
        #expect(MonthRange.next("2026-12") == "2027-01" && MonthRange.previous("2027-01") == "2026-12")
    }
}
