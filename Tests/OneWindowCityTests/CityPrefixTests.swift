import Foundation
import OneWindowCore
import Testing

@testable import OneWindowCity
@testable import OneWindowTesting

@Suite("The city's running totals per hall and service", .serialized, .timeLimit(.minutes(2)))
struct CityPrefixTests {
    static func issued(_ report: TestResponse) -> Int? {
        (report.json["city"] as? [String: Any])?["ticketsIssued"] as? Int
    }

    @Test("a late batch for an old day updates every later running total, and ranges inside months read it")
    func lateBatchUpdatesLaterTotals() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        func send(_ batch: CityEventBatch) throws {
            let response = try city.post("xigang", batch, token: token)
            #expect(response.status == 200, "\(response.text)")
        }
        try send(issuedBatch(after: 0, first: 1, count: 3, day: "2026-10-10"))
        try send(issuedBatch(after: 3, first: 4, count: 4, day: "2026-11-02"))
        try send(issuedBatch(after: 7, first: 8, count: 1, day: "2026-11-20"))
        #expect(Self.issued(try city.metrics("from=2026-10-01&to=2026-10-31")) == 3)
        // The hall is in late November when two more tickets of 12 October arrive.
        try send(issuedBatch(after: 8, first: 9, count: 2, day: "2026-10-12"))
        #expect(Self.issued(try city.metrics("from=2026-10-01&to=2026-10-31")) == 5)
        #expect(Self.issued(try city.metrics("from=2026-10-01&to=2026-11-30")) == 10)
        #expect(Self.issued(try city.metrics("from=2026-10-11&to=2026-11-30")) == 7)
        #expect(Self.issued(try city.metrics("from=2026-10-12&to=2026-10-12")) == 2)
        #expect(Self.issued(try city.metrics("from=2026-10-13&to=2026-11-19")) == 4)
        #expect(Self.issued(try city.metrics("from=2026-11-03&to=2026-11-20")) == 1)
        #expect(Self.issued(try city.metrics("from=2026-11-21&to=2026-12-31")) == 0)
        #expect(Self.issued(try city.metrics("from=2026-09-01&to=2026-09-30")) == 0)
        // A batch sent again adds nothing.
        try send(issuedBatch(after: 8, first: 9, count: 2, day: "2026-10-12"))
        #expect(Self.issued(try city.metrics("from=2026-10-01&to=2026-11-30")) == 10)
        let store = city.application.store
        let rows = try CityDatabase.wait { try await store.prefixDays(hallId: "xigang", serviceId: "T-JZ-001") }
        #expect(rows.map(\.day) == ["2026-10-10", "2026-10-12", "2026-11-02", "2026-11-20"])
        #expect(rows.map(\.ticketsIssued) == [3, 5, 9, 10], "each later total holds the late tickets")
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

    @Test("when a running total cannot be written the whole batch is refused (503), and sent again it is stored once")
    func prefixWriteFails() throws {
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
            CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON city_prefix FOR EACH ROW EXECUTE FUNCTION refuse();
            """)
        let late = issuedBatch(after: 3, first: 4, count: 4, day: "2026-11-02")
        #expect(try city.post("xigang", late, token: token).errorCode == "database_unavailable")
        let store = city.application.store
        #expect(try CityDatabase.wait { try await store.eventCounts(hallId: "xigang") }.rows == 3)
        #expect(Self.issued(try city.metrics("from=2026-11-02&to=2026-11-02")) == 0)
        #expect(try CityDatabase.wait { try await store.halls() }.first?.heldSeq == 3)
        try Self.psql(city, "DROP TRIGGER refuse ON city_prefix")
        let again = try city.post("xigang", late, token: token)
        #expect(again.status == 200, "\(again.text)")
        #expect(again.json["held"] as? Int == 7 && again.json["stored"] as? Int == 4)
        #expect(Self.issued(try city.metrics("from=2026-11-01&to=2026-11-30")) == 4)
        #expect(Self.issued(try city.metrics("from=2026-10-01&to=2026-10-31")) == 3)
    }

    @Test("migration 0003's backfill builds the running totals from the days already stored")
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
        try Self.psql(city, "DELETE FROM city_prefix; DELETE FROM city_cohort_prefix; DELETE FROM city_hall_service")
        // The figures are read from the running totals only: without them, nothing.
        #expect(Self.issued(try city.metrics("from=2026-10-01&to=2026-10-31")) == 0)
        let store = city.application.store
        try CityDatabase.wait { try await store.buildPrefixes() }
        #expect(Self.issued(try city.metrics("from=2026-10-01&to=2026-10-31")) == 5)
        #expect(Self.issued(try city.metrics("from=2026-10-01&to=2026-10-30")) == 3)
        #expect(Self.issued(try city.metrics("from=2026-10-11&to=2026-10-31")) == 2)
    }
}
