import ArgumentParser
import Logging
import OneWindowCity

/// `onewindow-city rebuild-prefixes`: builds the running totals again from the stored days, as
/// migration 0003 built them once: after days were restored or copied in with SQL (the bench
/// does), when the totals no longer follow from the days.
struct CityRebuildPrefixes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild-prefixes",
        abstract: "Build the running totals (city_prefix, city_cohort_prefix) again from the stored days.")
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let database = try database.open()
        defer { database.close() }
        let store = CityStore(database)
        try CityDatabase.wait(timeout: 3_600) { try await store.buildPrefixes() }
    }
}
