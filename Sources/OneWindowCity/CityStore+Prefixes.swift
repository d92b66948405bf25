import Foundation
import Logging
import OneWindowCore
import PostgresNIO

extension CityStore {
    /// The two running-total tables (migration 0003): the same shape, keyed by hall day or by
    /// cohort day.
    enum PrefixTable: String {
        case own = "city_prefix"
        case cohorts = "city_cohort_prefix"

        var key: String { self == .own ? "hall_day" : "cohort_day" }
        var column: String { self == .own ? "stats" : "changes" }
    }

    /// The cohort day under which a `city_cohort_prefix` row keeps its one change: every row's
    /// changes sit under the same key, so adding two rows adds their changes into one.
    static let cohortsKey = "cohorts"

    /// Days' figures split as the running totals keep them: per service, each hall day's own
    /// figures (no cohort changes), and each cohort day's changes, added into one.
    struct PrefixParts {
        var own: [String: [String: DayStats]] = [:]
        var cohorts: [String: [String: DayStats]] = [:]

        init(_ days: [String: [String: DayStats]]) {
            for (day, services) in days {
                for (serviceId, stats) in services {
                    var figures = stats
                    figures.cohortChanges = [:]
                    own[serviceId, default: [:]][day, default: DayStats()].add(figures)
                    for (cohort, change) in stats.cohortChanges {
                        cohorts[serviceId, default: [:]][cohort, default: DayStats()]
                            .cohortChanges[CityStore.cohortsKey, default: CohortChange()].add(change)
                    }
                }
            }
        }
    }

    /// Adds `parts` (per service, per day) to the running totals of `table`: every row from a
    /// part's day on gains it, and a day without a row gets one (the total before it plus the
    /// parts up to it). A batch of today changes today's row; a late batch for an old day, or
    /// a close of an old cohort, rewrites that service's rows from that day on.
    static func addToPrefixes(
        _ parts: [String: [String: DayStats]], table: PrefixTable, hallId: String,
        _ connection: PostgresConnection, logger: Logger
    ) async throws {
        let services = parts.keys.sorted()
        guard !services.isEmpty else { return }
        let lows = services.map { parts[$0]!.keys.min()! }
        var binds = PostgresBindings()
        binds.append(hallId)
        binds.append(services)
        binds.append(lows)
        let (table, key, column) = (table, table.key, table.column)
        let read = """
            SELECT m.service_id, p.\(key), p.\(column)
            FROM unnest($2::text[], $3::text[]) AS m(service_id, low)
            JOIN \(table.rawValue) p ON p.hall_id = $1 AND p.service_id = m.service_id AND p.\(key) >= m.low
            UNION ALL
            SELECT m.service_id, b.\(key), b.\(column)
            FROM unnest($2::text[], $3::text[]) AS m(service_id, low)
            CROSS JOIN LATERAL (
                SELECT \(key), \(column) FROM \(table.rawValue) p
                WHERE p.hall_id = $1 AND p.service_id = m.service_id AND p.\(key) < m.low
                ORDER BY p.\(key) DESC LIMIT 1) b
            """
        var stored: [String: [String: DayStats]] = [:]
        for try await (serviceId, day, bytes) in try await connection.query(
            PostgresQuery(unsafeSQL: read, binds: binds), logger: logger
        ).decode((String, String, Data).self) {
            stored[serviceId, default: [:]][day] = try DayStats(rollup: [UInt8](bytes))
        }
        var totals: [(serviceId: String, day: String, stats: DayStats)] = []
        for (serviceId, low) in zip(services, lows) {
            let added = parts[serviceId]!
            let rows = stored[serviceId] ?? [:]
            var old = rows.first { $0.key < low }?.value
            var delta = DayStats()
            for day in Set(rows.keys.filter { $0 >= low }).union(added.keys).sorted() {
                if let row = rows[day] { old = row }
                if let part = added[day] { delta.add(part) }
                // Nothing stored before (a new hall, the backfill): the parts are the total.
                guard var total = old else {
                    totals.append((serviceId, day, delta))
                    continue
                }
                total.add(delta)
                totals.append((serviceId, day, total))
            }
        }
        try await writePrefixes(totals, table: table, hallId: hallId, connection, logger: logger)
        var pairs = PostgresBindings()
        pairs.append(hallId)
        pairs.append(services)
        try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO city_hall_service (hall_id, service_id) SELECT $1, unnest($2::text[])
                    ON CONFLICT DO NOTHING
                    """, binds: pairs), logger: logger)
    }

    /// Writes running totals, 1,000 rows a statement (PostgreSQL takes at most 65,535 binds).
    private static func writePrefixes(
        _ totals: [(serviceId: String, day: String, stats: DayStats)], table: PrefixTable, hallId: String,
        _ connection: PostgresConnection, logger: Logger
    ) async throws {
        let own = table == .own
        for start in stride(from: 0, to: totals.count, by: 1_000) {
            var upsert = SQLRows(columns: own ? 5 : 4)
            for (serviceId, day, stats) in totals[start..<min(start + 1_000, totals.count)] {
                try upsert.row { binds in
                    binds.append(hallId)
                    binds.append(serviceId)
                    binds.append(day)
                    try binds.append(Data(stats.rollup()))
                    if own { binds.append(stats.casesOpened - stats.casesClosed - stats.casesCancelled) }
                }
            }
            let sql = """
                INSERT INTO \(table.rawValue) (hall_id, service_id, \(table.key), \(table.column)\(own ? ", cases_open" : ""))
                VALUES \(upsert.placeholders)
                ON CONFLICT (hall_id, service_id, \(table.key)) DO UPDATE SET \(table.column) = EXCLUDED.\(table.column)
                    \(own ? ", cases_open = EXCLUDED.cases_open" : "")
                """
            try await connection.query(PostgresQuery(unsafeSQL: sql, binds: upsert.binds), logger: logger)
        }
    }

    /// Builds the running totals again from `city_day` (what migration 0003 runs; its test calls it).
    public func buildPrefixes() async throws {
        try await database.transaction { try await Self.buildPrefixes($0, logger: self.logger) }
    }

    /// Builds the running totals from the stored days, one hall at a time (migration 0003's
    /// backfill), after removing any there are.
    static func buildPrefixes(_ connection: PostgresConnection, logger: Logger) async throws {
        for table in ["city_prefix", "city_cohort_prefix", "city_hall_service"] {
            try await connection.query(PostgresQuery(unsafeSQL: "DELETE FROM \(table)"), logger: logger)
        }
        var halls: [String] = []
        for try await hall in try await connection.query(
            "SELECT DISTINCT hall_id FROM city_day ORDER BY hall_id", logger: logger
        ).decode(String.self) {
            halls.append(hall)
        }
        let started = ContinuousClock.now
        for (index, hall) in halls.enumerated() {
            var days: [String: [String: DayStats]] = [:]
            for try await (day, serviceId, bytes) in try await connection.query(
                "SELECT hall_day, service_id, stats FROM city_day WHERE hall_id = \(hall)", logger: logger
            ).decode((String, String, Data).self) {
                days[day, default: [:]][serviceId] = try DayStats(rollup: [UInt8](bytes))
            }
            let parts = PrefixParts(days)
            try await addToPrefixes(parts.own, table: .own, hallId: hall, connection, logger: logger)
            try await addToPrefixes(parts.cohorts, table: .cohorts, hallId: hall, connection, logger: logger)
            logger.notice(
                "running totals: hall \(index + 1) of \(halls.count) (\(hall), \(days.count) days) after \(ContinuousClock.now - started)"
            )
        }
    }
}

extension CityStore {
    /// One hall's and service's running totals of tickets issued, by hall day (for tests).
    func prefixDays(hallId: String, serviceId: String) async throws -> [(day: String, ticketsIssued: Int)] {
        try await database.connection { connection in
            var rows: [(day: String, ticketsIssued: Int)] = []
            for try await (day, bytes) in try await connection.query(
                """
                SELECT hall_day, stats FROM city_prefix WHERE hall_id = \(hallId) AND service_id = \(serviceId)
                ORDER BY hall_day
                """, logger: logger
            ).decode((String, Data).self) {
                rows.append((day, try DayStats(rollup: [UInt8](bytes)).ticketsIssued))
            }
            return rows
        }
    }
}
