import Foundation
import Logging
import OneWindowCore
import PostgresNIO

extension CityStore {
    /// Adds `figures` (per hall day, per service) to the stored day rollups, `city_day`: reads
    /// the rows there, adds, writes them back in one statement. Sums are sums, so adding a
    /// batch's figures to a day equals summing its events again.
    static func addDayRollups(
        _ figures: [String: [String: DayStats]], hallId: String,
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
                    SELECT hall_day, service_id, stats FROM city_day
                    WHERE hall_id = $1 AND hall_day = ANY($2)
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
            INSERT INTO city_day
                (hall_id, hall_day, service_id, stats, cases_opened, cases_ended, has_cohort_changes)
            VALUES \(upsert.placeholders)
            ON CONFLICT (hall_id, hall_day, service_id) DO UPDATE SET stats = EXCLUDED.stats,
                cases_opened = EXCLUDED.cases_opened, cases_ended = EXCLUDED.cases_ended,
                has_cohort_changes = EXCLUDED.has_cohort_changes
            """
        try await connection.query(PostgresQuery(unsafeSQL: sql, binds: upsert.binds), logger: logger)
    }
}
