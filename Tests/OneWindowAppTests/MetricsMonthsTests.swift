import Foundation
import GRDB
import OneWindowApp
import OneWindowCore
import OneWindowStorage
import OneWindowTesting
import Synchronization
import Testing

/// The months' sums in the rollups (`metrics_month`, migration 0019) and the held window: a
/// daemon started on an older hall holds the months' sums and the last three months or so of days,
/// and a range of an older month reads its days from the rollups.
@Suite("Metrics months and the held window", .serialized, .timeLimit(.minutes(5)))
struct MetricsMonthsTests {
    static let calendar = HallCalendar(timeZone: "Asia/Shanghai")

    /// Moves the scripted hall on by `days` and issues a ticket: the rollover stores the days before.
    static func later(_ script: ScriptedMonth, days: Double) throws {
        script.clock.advance(86_400 * days)
        let issued = try script.app.issue(token: script.kiosk, service: "T-JZ-001")
        try #require(issued.status == 201, "\(issued.text)")
    }

    /// The months' sums as a book holding every stored day computes them.
    static func monthsFromDays(_ storage: Storage) throws -> [String: [String: DayStats]] {
        let replay = try MetricsBook.replay(from: storage)
        let last = try #require(try storage.metricsRollups().days.keys.max())
        let stored = replay.days.filter { $0.key <= last }.mapValues { $0.mapValues(StoredDay.init) }
        return MetricsBook(stored: stored, cohorts: [], badReviews: [:], lastEventId: 0).yearToDate
            .mapValues { $0.mapValues(\.stats) }
    }

    @Test("a range of a month the daemon no longer holds reads its days from the rollups and equals a full replay")
    func olderMonthEqualsReplay() throws {
        let script = try ScriptedMonth()
        defer { script.stop() }
        try script.play(days: 12, restartAfter: 99)
        try Self.later(script, days: 120)  // 2027-03-13: stores 2026-11-13
        try Self.later(script, days: 1)  // 2027-03-14: stores 2027-03-13, November is over
        try script.restart()
        try script.settle()
        let state = script.app.application.state
        let today = state.queue.read(\.day)
        #expect(today == "2027-03-14")
        let held = state.metrics.read { $0 }
        #expect(held.heldFrom == "2026-12-01")
        #expect(held.stored.keys.sorted() == ["2027-03-13"], "November's days stay in the rollups")
        #expect(held.yearToDate.keys.sorted() == ["2026-11"])
        let replay = try MetricsBook.replay(from: state.storage)
        let catalogue = state.catalogue.published
        let ranges = [
            ("2026-11-03", "2026-11-10"), ("2026-11-02", "2026-11-30"), ("2026-11-01", "2027-03-14"),
            ("2026-11-05", "2026-11-05"), ("2026-10-20", "2026-11-12"), ("2026-11-04", "2027-03-13"),
            ("2026-11-13", "2026-12-31"),
        ]
        #expect(
            held.missingDays(from: "2026-11-03", to: "2026-11-10") == [.init(first: "2026-11-01", last: "2026-11-10")])
        for (from, to) in ranges {
            for serviceId in [nil, "T-JZ-001"] {
                let expected = replay.report(
                    from: from, to: to, serviceId: serviceId, catalogue: catalogue, today: today)
                let query = "/api/v1/metrics?from=\(from)&to=\(to)" + (serviceId.map { "&serviceId=\($0)" } ?? "")
                let answer = try script.app.client.get(query, headers: ["Authorization": "Bearer \(script.admin)"])
                #expect(answer.status == 200, "\(answer.text)")
                #expect(
                    try MetricsRollupTests.document(answer.body)
                        == MetricsRollupTests.document(JSONEncoder().encode(expected)), "\(query)")
            }
        }
        #expect(
            try state.storage.metricsRollups().months.mapValues { $0.mapValues(\.stats) }
                == Self.monthsFromDays(state.storage), "the stored months' sums are the days' sums")
        // November's days cannot be read: its ranges answer 503, a held range still 200, and
        // November again once they can.
        let other = try DatabaseQueue(path: script.database, configuration: .waitingForLocks)
        try other.write { try $0.execute(sql: "ALTER TABLE metrics_day RENAME TO metrics_day_away") }
        let admin = ["Authorization": "Bearer \(script.admin)"]
        let failed = try script.app.client.get("/api/v1/metrics?from=2026-11-03&to=2026-11-10", headers: admin)
        #expect(failed.status == 503 && failed.errorCode == "storage_unavailable", "\(failed.text)")
        let inWindow = try script.app.client.get("/api/v1/metrics?from=2027-03-13&to=2027-03-14", headers: admin)
        #expect(inWindow.status == 200, "\(inWindow.text)")
        try other.write { try $0.execute(sql: "ALTER TABLE metrics_day_away RENAME TO metrics_day") }
        let again = try script.app.client.get("/api/v1/metrics?from=2026-11-03&to=2026-11-10", headers: admin)
        #expect(again.status == 200, "\(again.text)")
    }

    @Test("migration 0019 sums the months of an existing database once, logging each month")
    func migrationSumsMonths() throws {
        let script = try ScriptedMonth()
        defer { script.directory.remove() }
        try script.play(days: 1, restartAfter: 99)
        try Self.later(script, days: 30)  // 2026-12-02: stores 2026-11-02
        try Self.later(script, days: 1)  // 2026-12-03: stores 2026-12-02, November is over
        let before = try script.app.application.state.storage.metricsRollups().months
        #expect(before.keys.sorted() == ["2026-11"], "the rollover summed November")
        script.app.application.stop()
        let pool = try DatabasePool(path: script.database, configuration: .waitingForLocks)
        try pool.write { db in
            try db.execute(
                sql: """
                    DROP TABLE metrics_month;
                    DELETE FROM grdb_migrations WHERE identifier = '0019-metrics-months';
                    """)
        }
        try pool.close()
        let lines = Mutex<[String]>([])
        let storage = try Storage(path: script.database) { line in lines.withLock { $0.append(line) } }
        let log = lines.withLock { $0 }
        #expect(log.contains { $0.contains("summing the metrics rollups by month") }, "\(log)")
        #expect(log.contains { $0.contains("2026-11 summed (1 days)") }, "\(log)")
        #expect(try storage.metricsRollups().months == before)
        #expect(try storage.metricsRollups().months.mapValues { $0.mapValues(\.stats) } == Self.monthsFromDays(storage))
        #expect(try Storage(path: script.database).metricsRollups().months == before, "once: a reopen changes nothing")
    }

    @Test("a rollover whose month sum cannot be written stores nothing; the next one stores the days and the month")
    func failedMonthIsCaughtUp() throws {
        let script = try ScriptedMonth()
        defer { script.stop() }
        try script.play(days: 1, restartAfter: 99)
        try Self.later(script, days: 30)  // 2026-12-02: stores 2026-11-02
        let pool = try DatabasePool(path: script.database, configuration: .waitingForLocks)
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER refuse_month BEFORE INSERT ON metrics_month
                    BEGIN SELECT RAISE(ABORT, 'month refused'); END
                    """)
        }
        try Self.later(script, days: 1)  // 2026-12-03: would store 2026-12-02 and sum November
        let storage = script.app.application.state.storage
        #expect(try storage.metricsRollups().months.isEmpty, "the trigger refused the month")
        #expect(try storage.metricsRollups().days.keys.sorted() == ["2026-11-02"], "and the day, in one transaction")
        try pool.write { db in try db.execute(sql: "DROP TRIGGER refuse_month") }
        try pool.close()
        try Self.later(script, days: 1)
        #expect(try storage.metricsRollups().days.keys.sorted() == ["2026-11-02", "2026-12-02", "2026-12-03"])
        #expect(try storage.metricsRollups().months.mapValues { $0.mapValues(\.stats) } == Self.monthsFromDays(storage))
        #expect(try storage.metricsRollups().months.keys.sorted() == ["2026-11"])
    }
}
