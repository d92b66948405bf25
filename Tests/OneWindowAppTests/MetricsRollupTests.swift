import Foundation
import GRDB
import OneWindowApp
import OneWindowCore
import OneWindowStorage
import OneWindowTesting
import Synchronization
import Testing

/// Daily rollups: the figures a closed day leaves in the database equal a full replay of the
/// event log, field by field, for the hall and every service.
@Suite("Metrics rollups", .serialized, .timeLimit(.minutes(5)))
struct MetricsRollupTests {
    static let month = "2026-11-02"

    /// Every range the comparison looks at: the month, its weeks, single days, and today.
    static func ranges(through today: String) -> [(String, String)] {
        let days = (0..<30).map { WorkingDays.text(WorkingDays.date(month)!.addingTimeInterval(Double($0) * 86_400)) }
        // 2026-11-01…: November whole, from its summed month (`MetricsBook+Months`).
        var ranges = [
            (month, today), ("2026-11-01", today), (days[3], days[9]), (days[10], days[20]), (days[21], today),
            (today, today),
            // Ranges that start and end inside months: November read as its year to date less
            // the days outside (`MetricsBook+Range`), or its days one by one.
            ("2026-11-03", today), ("2026-10-20", "2026-11-25"), ("2026-10-01", "2026-11-29"),
            ("2026-11-04", "2026-11-28"),
        ]
        ranges += days.map { ($0, $0) }
        return ranges
    }

    @Test("for a scripted month, the rollups equal a full replay of the event log, field by field")
    func rollupsEqualReplay() throws {
        let script = try ScriptedMonth()
        defer { script.stop() }
        try script.play(days: 30, restartAfter: 17)
        try script.settle()
        let state = script.app.application.state
        let storage = state.storage
        let today = state.queue.read(\.day)
        let replay = try MetricsBook.replay(from: storage)
        let rolled = try MetricsBook.read(from: storage)
        let stored = try storage.metricsRollups()
        #expect(stored.days.count == 29, "every day before today is rolled up")
        #expect(!stored.days.keys.contains(today))
        #expect(rolled.everyDay == replay.days, "the stored days and today's fold are the replay's days")
        #expect(rolled.days.keys.sorted() == [today], "only today is folded from events")
        #expect(rolled.lastEventId == replay.lastEventId)
        #expect(rolled.openCohorts == replay.openCohorts)
        #expect(rolled.openTickets == replay.openTickets)
        #expect(rolled.badReviews == replay.badReviews, "both keep the bad reviews not rectified, and only those")
        #expect(!rolled.badReviews.isEmpty)
        #expect(rolled.badReviews.count == (try storage.openBadReviews(limit: 100_000)).count)
        #expect(replay.days.values.contains { $0.values.contains { !$0.cohortChanges.isEmpty } })
        #expect(stored.days.mapValues { $0.mapValues(\.stats) } == replay.days.filter { $0.key < today })
        for day in stored.days.keys {
            var hall = DayStats()
            for stats in replay.days[day, default: [:]].values { hall.add(stats) }
            #expect(try storage.hallRollup(day: day) == hall, "the hall's row of \(day)")
        }
        let month = Self.ranges(through: today).filter { $0.0 == $0.1 }.map(\.0)
        let totals = rolled.dailyTotals(from: Self.month, to: today)
        for day in month {
            var expected = DayStats()
            for stats in replay.sum(from: day, to: day).values { expected.add(stats) }
            #expect(totals[day] ?? DayStats() == expected, "the day totals of \(day) equal the replay's sum of the day")
        }
        let catalogue = state.catalogue.published
        let live = state.metrics.read { $0 }
        #expect(live.everyDay == replay.days, "the running daemon's book, started from the rollups mid-month")
        #expect(live.days.keys.sorted() == [today], "the running daemon compacts the days before today")
        for (from, to) in Self.ranges(through: today) {
            for serviceId in [nil, "T-JZ-001", "T-HY-001"] {
                let expected = replay.report(
                    from: from, to: to, serviceId: serviceId, catalogue: catalogue, today: today)
                #expect(
                    rolled.report(from: from, to: to, serviceId: serviceId, catalogue: catalogue, today: today)
                        == expected, "\(from)…\(to) \(serviceId ?? "hall")")
                let query = "/api/v1/metrics?from=\(from)&to=\(to)" + (serviceId.map { "&serviceId=\($0)" } ?? "")
                let answer = try script.app.client.get(query, headers: ["Authorization": "Bearer \(script.admin)"])
                #expect(answer.status == 200, "\(answer.text)")
                #expect(try Self.document(answer.body) == Self.document(JSONEncoder().encode(expected)), "\(query)")
            }
        }
    }

    /// A JSON document as a Foundation object, compared field by field.
    static func document(_ data: Data) throws -> NSDictionary {
        try #require(JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }
}

/// The migration and a failed rollup.
@Suite("Metrics rollups: migration and failure", .serialized, .timeLimit(.minutes(5)))
struct MetricsRollupMigrationTests {
    @Test("migration 0009 builds the rollups of an existing event log once, logging its progress")
    func migrationBuildsRollups() throws {
        let script = try ScriptedMonth()
        defer { script.directory.remove() }
        try script.play(days: 8, restartAfter: 99)
        script.app.application.stop()
        // The database as the release before rollups left it.
        let pool = try DatabasePool(path: script.database, configuration: .waitingForLocks)
        try pool.write { db in
            try db.execute(
                sql: """
                    DROP TABLE metrics_day; DROP TABLE metrics_cohort; DROP TABLE metrics_open_ticket;
                    DROP TABLE metrics_rollup;
                    DELETE FROM grdb_migrations WHERE identifier = '0009-metrics-rollups';
                    """)
        }
        try pool.close()
        let lines = Mutex<[String]>([])
        let storage = try Storage(path: script.database) { line in lines.withLock { $0.append(line) } }
        let log = lines.withLock { $0 }
        #expect(log.first?.contains("building the daily metrics rollups") == true, "\(log)")
        #expect(log.last?.contains("7 days stored") == true, "\(log)")
        let stored = try storage.metricsRollups()
        #expect(stored.days.count == 7, "the 8th day is the latest in the log: it stays live")
        let replay = try MetricsBook.replay(from: storage)
        #expect(
            try MetricsBook.read(from: storage).everyDay
                == replay.days)
        #expect(
            stored.days.mapValues { $0.mapValues(\.stats) } == replay.days.filter { stored.days.keys.contains($0.key) })
        #expect(
            try Storage(path: script.database).metricsRollups().days == stored.days, "once: a reopen changes nothing")
    }

    @Test("a rollover whose rollup cannot be written loses nothing: the next rollover stores every day since")
    func failedRollupIsCaughtUp() throws {
        let script = try ScriptedMonth()
        defer { script.stop() }
        try script.play(days: 1, restartAfter: 99)
        let pool = try DatabasePool(path: script.database, configuration: .waitingForLocks)
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER refuse_rollup BEFORE INSERT ON metrics_day
                    BEGIN SELECT RAISE(ABORT, 'rollup refused'); END
                    """)
        }
        script.clock.advance(86_400)
        let first = try script.app.issue(token: script.kiosk, service: "T-JZ-001")
        #expect(first.status == 201, "the day's own commands go on: \(first.text)")
        let storage = script.app.application.state.storage
        #expect(try storage.metricsRollups().days.isEmpty, "the trigger refused the rollup")
        try pool.write { db in try db.execute(sql: "DROP TRIGGER refuse_rollup") }
        try pool.close()
        script.clock.advance(86_400)
        #expect(try script.app.issue(token: script.kiosk, service: "T-JZ-001").status == 201)
        let replay = try MetricsBook.replay(from: storage)
        let stored = try storage.metricsRollups()
        #expect(stored.days.count == 2)
        #expect(
            stored.days.mapValues { $0.mapValues(\.stats) } == replay.days.filter { stored.days.keys.contains($0.key) })
        #expect(
            try MetricsBook.read(from: storage).everyDay
                == replay.days)
    }

    @Test("a report held open does not hold up the commit thread: tickets are issued meanwhile")
    func slowReportDoesNotBlockTickets() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        let admin = try app.createToken(role: .admin, name: "manager")
        let metrics = app.application.state.metrics
        #expect(waitUntil(seconds: 10) { metrics.isLoaded })
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        metrics.beforeReport.withLock {
            $0 = {
                entered.signal()
                _ = release.wait(timeout: .now() + 30)
            }
        }
        defer { metrics.beforeReport.withLock { $0 = nil } }
        let answered = DispatchSemaphore(value: 0)
        let status = Mutex<Int?>(nil)
        let client = app.client
        Thread {
            let answer = try? client.get(
                "/api/v1/metrics?from=2026-01-01&to=2026-12-31", headers: ["Authorization": "Bearer \(admin)"])
            status.withLock { $0 = answer?.status }
            answered.signal()
        }.start()
        #expect(entered.wait(timeout: .now() + 10) == .success, "the report reached its computation")
        metrics.beforeReport.withLock { $0 = nil }
        for _ in 0..<3 {
            let issued = try app.issue(token: kiosk, service: "T-JZ-001")
            #expect(issued.status == 201, "issued while the report is held: \(issued.text)")
        }
        #expect(answered.wait(timeout: .now()) == .timedOut, "the report is still held")
        release.signal()
        #expect(answered.wait(timeout: .now() + 10) == .success)
        #expect(status.withLock { $0 } == 200)
    }
}
