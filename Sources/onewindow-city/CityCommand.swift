import ArgumentParser
import Foundation
import Logging
import OneWindowCity

/// `onewindow-city`: the city service of many halls (see README “City”).
@main
struct CityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onewindow-city",
        abstract: "The city's service: halls' events into PostgreSQL, city-wide figures.",
        subcommands: [
            CityServe.self, CityHallAdd.self, CityHallToken.self, CityHallReset.self, CityReaderAdd.self,
            CityReaderRemove.self,
            CityMigrate.self, CityRebuildPrefixes.self, CityRebuildBadReviewTotals.self,
        ])
}

/// Where PostgreSQL is; each option also reads an environment variable.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "PostgreSQL host (env ONEWINDOW_CITY_PG_HOST; default 127.0.0.1).")
    var pgHost: String?
    @Option(help: "PostgreSQL port (env ONEWINDOW_CITY_PG_PORT; default 5432).")
    var pgPort: Int?
    @Option(help: "PostgreSQL user (env ONEWINDOW_CITY_PG_USER; default onewindow).")
    var pgUser: String?
    @Option(help: "PostgreSQL database (env ONEWINDOW_CITY_PG_DATABASE; default onewindow_city).")
    var pgDatabase: String?
    @Option(help: "File with the PostgreSQL password, if any (env ONEWINDOW_CITY_PG_PASSWORD_FILE).")
    var pgPasswordFile: String?

    var location: CityDatabase.Location {
        get throws {
            let env = ProcessInfo.processInfo.environment
            let portText = pgPort.map(String.init) ?? env["ONEWINDOW_CITY_PG_PORT"] ?? "5432"
            guard let port = Int(portText), (1...65_535).contains(port) else {
                throw ValidationError("the PostgreSQL port “\(portText)” is not a port number")
            }
            let passwordPath = pgPasswordFile ?? env["ONEWINDOW_CITY_PG_PASSWORD_FILE"]
            let password = try passwordPath.map {
                try String(contentsOfFile: $0, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return CityDatabase.Location(
                host: pgHost ?? env["ONEWINDOW_CITY_PG_HOST"] ?? "127.0.0.1", port: port,
                user: pgUser ?? env["ONEWINDOW_CITY_PG_USER"] ?? "onewindow", password: password,
                database: pgDatabase ?? env["ONEWINDOW_CITY_PG_DATABASE"] ?? "onewindow_city")
        }
    }

    /// The city's database, after one connection proved it can be used: a wrong password, user or
    /// database is named at once (with the option to fix), and PostgreSQL not answering is waited
    /// for 30 s and then named with its address, as `serve` does, instead of a generic error
    /// after the command's own wait.
    func open() throws -> CityDatabase {
        let location = try location
        let logger = Logger(label: "onewindow-city")
        try CityDatabaseProbe.check(location, timeout: 30, logger: logger)
        return CityDatabase(location, logger: logger)
    }
}

/// `onewindow-city migrate`: applies the migrations and exits (serve applies them too, except
/// those that rebuild stored hall days).
struct CityMigrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the migrations, those that rebuild stored hall days too (serve leaves them to this).")
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let database = try database.open()
        defer { database.close() }
        let store = CityStore(database)
        // Migration 0003 builds every hall's running totals once: minutes for a province.
        try CityDatabase.wait(timeout: 3_600) { try await store.migrate() }
    }
}
