import Foundation
import OneWindowCity
import OneWindowTesting
import Testing

/// `onewindow-city serve` (and the token commands) apply quick migrations at start, but leave
/// one that rebuilds stored hall days to `onewindow-city migrate`: it takes minutes for a
/// province, longer than serve waits.
@Suite("The city's migrations at start", .serialized, .timeLimit(.minutes(3)))
struct CityMigrationRefusalTests {
    static func options(_ city: CityHarness, _ database: String) -> [String] {
        ["--pg-port", "\(city.cluster.port)", "--pg-user", city.cluster.user, "--pg-database", database]
    }

    @Test(
        "serve and hall-add refuse a pending migration that rebuilds stored hall days, naming `migrate`; migrate runs it and serve starts"
    )
    func rebuildLeftToMigrate() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        #expect(try city.post("xigang", issuedBatch(after: 0, first: 1, count: 3), token: token).status == 200)
        let database = city.location.database
        // Back to before migration 0003 (its tables dropped, the table it drops there again),
        // with the hall days it rebuilds from still stored.
        try city.cluster.psql(
            """
            DROP TABLE city_prefix, city_cohort_prefix, city_hall_service; CREATE TABLE city_month (month text);
            DELETE FROM city_migration WHERE number = 3
            """, database: database)
        let options = Self.options(city, database)
        let served = try DaemonProcess.runSeparately(
            ["serve", "--port", "0"] + options, timeoutSeconds: 30, executable: "onewindow-city")
        #expect(served.status != 0)
        #expect(served.errors.contains("migration 3 (prefixes) rebuilds the stored hall days"), "\(served.errors)")
        #expect(served.errors.contains("run `onewindow-city migrate` once"), "\(served.errors)")
        let added = try DaemonProcess.runSeparately(
            ["hall-add", "ganjingzi", "甘井子区"] + options, executable: "onewindow-city")
        #expect(added.status != 0)
        #expect(added.errors.contains("onewindow-city migrate"), "\(added.errors)")
        let applied = "SELECT count(*) FROM city_migration WHERE number = 3"
        #expect(try city.cluster.psql(applied, database: database).contains(" 0\n"), "nothing applied meanwhile")

        let migrated = try DaemonProcess.runSeparately(["migrate"] + options, executable: "onewindow-city")
        #expect(migrated.status == 0, "\(migrated.errors)")
        #expect(try city.cluster.psql(applied, database: database).contains(" 1\n"))
        let prefixes = try city.cluster.psql("SELECT count(*) FROM city_prefix", database: database)
        #expect(!prefixes.contains(" 0\n"), "the running totals were built from the stored days: \(prefixes)")
        let service = try DaemonProcess(arguments: options, executable: "onewindow-city")
        defer {
            service.signal(SIGTERM)
            _ = service.waitForExit()
        }
        let report = try service.client.get(
            "/api/v1/city/metrics?from=2026-11-02&to=2026-11-02", headers: ["Authorization": "Bearer \(city.reader)"])
        #expect(report.status == 200, "\(report.text)")
        #expect((report.json["city"] as? [String: Any])?["ticketsIssued"] as? Int == 3, "\(report.text)")
    }

    @Test("serve on a new, empty database applies every migration itself")
    func freshDatabase() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let database = try city.cluster.createDatabase()
        let service = try DaemonProcess(arguments: Self.options(city, database), executable: "onewindow-city")
        defer {
            service.signal(SIGTERM)
            _ = service.waitForExit()
        }
        let applied = try city.cluster.psql(
            "SELECT count(*) FROM city_migration WHERE number IN (1, 3)", database: database)
        #expect(applied.contains(" 2\n"), "\(applied)")
    }

    @Test("serve's and migrate's help say which migrations serve leaves to migrate")
    func help() throws {
        // The help is wrapped to the terminal's width: compare with the lines joined.
        func help(_ command: String) throws -> String {
            try DaemonProcess.run([command, "--help"], executable: "onewindow-city").output
                .replacingOccurrences(of: "\n", with: " ")
        }
        let serve = try help("serve")
        #expect(serve.contains("not one that rebuilds stored hall days"), "\(serve)")
        #expect(serve.contains("`onewindow-city migrate` runs them"), "\(serve)")
        let migrate = try help("migrate")
        #expect(migrate.contains("those that rebuild stored hall days too"), "\(migrate)")
    }
}
