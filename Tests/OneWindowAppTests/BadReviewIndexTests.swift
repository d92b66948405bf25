import Foundation
import GRDB
import OneWindowStorage
import OneWindowTesting
import Testing

/// What the metrics read of the bad reviews comes from partial indexes of them: start-up's open
/// ones (0014's `evaluation_bad_open`) and the disclosure's year (0020's `evaluation_bad_by_day`),
/// not from the year's evaluations read row by row.
@Suite("Bad reviews by index", .timeLimit(.minutes(1)))
struct BadReviewIndexTests {
    static func plan(_ pool: DatabasePool, _ sql: String, _ arguments: StatementArguments = []) throws -> [String] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
        }
    }

    @Test("start-up's open bad reviews and the disclosure's year of them are each read from their partial index")
    func partialIndexes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("onewindow.sqlite"), configuration: .waitingForLocks)
        _ = try Storage(writer: pool)
        // The statements of `openBadReviewsForMetrics` and `badReviewCountsByDay`.
        let open = try Self.plan(
            pool,
            "SELECT id, service_id, hall_day, rectify_by FROM evaluation INDEXED BY evaluation_bad_open WHERE rating <= 2 AND rectified_at IS NULL"
        )
        #expect(open.contains { $0.contains("USING INDEX evaluation_bad_open") }, "the plan was \(open)")
        let year = try Self.plan(
            pool,
            "SELECT service_id, hall_day, rectify_by, rectified_at FROM evaluation WHERE rating <= 2 AND hall_day >= ?",
            ["2026-01-01"])
        #expect(year.contains { $0.contains("USING COVERING INDEX evaluation_bad_by_day") }, "the plan was \(year)")
    }
}
