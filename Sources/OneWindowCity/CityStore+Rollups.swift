import Foundation
import Logging
import OneWindowCore
import PostgresNIO

extension CityStore {
    /// The two rollup tables: the same columns, keyed by hall day or by month (`yyyy-MM`).
    enum RollupTable: String {
        case day = "city_day"
        case month = "city_month"

        var key: String { self == .day ? "hall_day" : "month" }
    }

    /// The month (`2026-11`) of a hall day, as the hall's `MetricsBook` takes it.
    static func month(ofDay day: String) -> String { String(day.prefix(7)) }

    /// Per month and service, the figures of `days` added up: what a batch adds to its months.
    static func byMonth(_ days: [String: [String: DayStats]]) -> [String: [String: DayStats]] {
        var months: [String: [String: DayStats]] = [:]
        for (day, services) in days {
            for (serviceId, stats) in services {
                months[month(ofDay: day), default: [:]][serviceId, default: DayStats()].add(stats)
            }
        }
        return months
    }

    /// Adds `figures` (per key, per service) to the stored rollups of `table`: reads the rows
    /// there, adds, writes them back in one statement. Sums are sums, so adding a batch's
    /// figures to a month equals summing the month's days again.
    static func addRollups(
        _ figures: [String: [String: DayStats]], to table: RollupTable, hallId: String,
        _ connection: PostgresConnection, logger: Logger
    ) async throws {
        guard !figures.isEmpty else { return }
        var totals = figures
        var keys = PostgresBindings()
        keys.append(hallId)
        keys.append(Array(figures.keys))
        let rows = try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT \(table.key), service_id, stats FROM \(table.rawValue)
                    WHERE hall_id = $1 AND \(table.key) = ANY($2)
                    """, binds: keys), logger: logger)
        for try await (key, serviceId, bytes) in rows.decode((String, String, Data).self) {
            guard var total = totals[key]?[serviceId] else { continue }
            total.add(try DayStats(rollup: [UInt8](bytes)))
            totals[key]?[serviceId] = total
        }
        var upsert = SQLRows(columns: 7)
        for (key, services) in totals {
            for (serviceId, stats) in services {
                try upsert.row { binds in
                    binds.append(hallId)
                    binds.append(key)
                    binds.append(serviceId)
                    try binds.append(Data(stats.rollup()))
                    binds.append(stats.casesOpened)
                    binds.append(stats.casesClosed + stats.casesCancelled)
                    binds.append(!stats.cohortChanges.isEmpty)
                }
            }
        }
        let sql = """
            INSERT INTO \(table.rawValue)
                (hall_id, \(table.key), service_id, stats, cases_opened, cases_ended, has_cohort_changes)
            VALUES \(upsert.placeholders)
            ON CONFLICT (hall_id, \(table.key), service_id) DO UPDATE SET stats = EXCLUDED.stats,
                cases_opened = EXCLUDED.cases_opened, cases_ended = EXCLUDED.cases_ended,
                has_cohort_changes = EXCLUDED.has_cohort_changes
            """
        try await connection.query(PostgresQuery(unsafeSQL: sql, binds: upsert.binds), logger: logger)
    }

    /// Sums the stored days into `city_month` (what migration 0002 runs; its test calls it).
    func sumStoredMonths() async throws {
        try await database.transaction { try await Self.sumStoredMonths($0, logger: self.logger) }
    }

    /// Sums the stored days into `city_month`, one hall at a time (migration 0002's backfill).
    static func sumStoredMonths(_ connection: PostgresConnection, logger: Logger) async throws {
        var halls: [String] = []
        for try await hall in try await connection.query(
            "SELECT DISTINCT hall_id FROM city_day", logger: logger
        ).decode(String.self) {
            halls.append(hall)
        }
        for hall in halls {
            var days: [String: [String: DayStats]] = [:]
            for try await (day, serviceId, bytes) in try await connection.query(
                "SELECT hall_day, service_id, stats FROM city_day WHERE hall_id = \(hall)", logger: logger
            ).decode((String, String, Data).self) {
                days[day, default: [:]][serviceId] = try DayStats(rollup: [UInt8](bytes))
            }
            try await addRollups(byMonth(days), to: .month, hallId: hall, connection, logger: logger)
        }
    }
}
