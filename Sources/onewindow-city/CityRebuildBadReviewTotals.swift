import ArgumentParser
import Logging
import OneWindowCity

/// `onewindow-city rebuild-bad-review-totals`: builds the bad reviews' running totals again
/// from the stored reviews, as migration 0005 built them once: after reviews were restored or
/// copied in with SQL and its trigger off (the bench does), when the totals no longer follow.
struct CityRebuildBadReviewTotals: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild-bad-review-totals",
        abstract: "Build the bad reviews' running totals (city_bad_review_total) again from the stored reviews.")
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let database = try database.open()
        defer { database.close() }
        let store = CityStore(database)
        try CityDatabase.wait(timeout: 3_600) { try await store.buildBadReviewTotals() }
    }
}
