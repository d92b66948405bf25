import Foundation
import OneWindowCore
import PostgresNIO

extension CityStore {
    /// The hall day before `day` ("" for a day that is not one: no total is kept before it).
    static func dayBefore(_ day: String) -> String {
        DayNumber.dayBefore(day) ?? ""
    }

    /// Per hall, the figures of hall days `from`…`to`, of one hall and one service if given,
    /// with the bad reviews counted as they stand on the city's day `today`.
    public func figures(
        from: String, to: String, hallId: String?, serviceId: String?, today: String, overdueRows: Int = 0
    ) async throws -> [String: HallFigures] {
        try await figures(
            ranges: [(from, to)], hallId: hallId, serviceId: serviceId, today: today, overdueRows: overdueRows)
    }

    /// Per hall, what the sums of each of `ranges` need (the disclosure reads a year and its
    /// months at once), of one hall and one service if given. Two reads in one transaction (one
    /// snapshot): for each hall, service and day a range ends on, the running totals through
    /// that day (two index lookups each), then the counts of the bad reviews of each range as
    /// they stand on `today` (the city's day), counted in SQL (`CityStore+BadReviews`): a busy
    /// hall has about 38,000 bad reviews a year, and decoding them row by row was most of a
    /// year's query (457,000 rows for 45 halls, after the running totals). A year reads two
    /// rollups and two small cohort rows per hall and service, whatever its length.
    /// `overdueRows` > 0 also lists, per hall, that many of the first range's overdue reviews.
    public func figures(
        ranges: [(from: String, to: String)], hallId: String?, serviceId: String?, today: String,
        overdueRows: Int = 0
    ) async throws -> [String: HallFigures] {
        let days = Array(Set(ranges.flatMap { [$0.to, Self.dayBefore($0.from)] })).sorted()
        return try await database.transaction { connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
            var halls: [String: HallFigures] = [:]
            let ends = try await connection.query(
                """
                SELECT s.hall_id, s.service_id, e.day, t.stats, t.cases_open, c.changes
                FROM city_hall_service s CROSS JOIN unnest(\(days)::text[]) AS e(day)
                LEFT JOIN LATERAL (
                    SELECT stats, cases_open FROM city_prefix p
                    WHERE p.hall_id = s.hall_id AND p.service_id = s.service_id AND p.hall_day <= e.day
                    ORDER BY p.hall_day DESC LIMIT 1) t ON true
                LEFT JOIN LATERAL (
                    SELECT changes FROM city_cohort_prefix c
                    WHERE c.hall_id = s.hall_id AND c.service_id = s.service_id AND c.cohort_day <= e.day
                    ORDER BY c.cohort_day DESC LIMIT 1) c ON true
                WHERE (\(hallId)::text IS NULL OR s.hall_id = \(hallId))
                AND (\(serviceId)::text IS NULL OR s.service_id = \(serviceId))
                """, logger: logger)
            for try await (hall, service, day, stats, open, cohorts) in ends.decode(
                (String, String, String, Data?, Int64?, Data?).self)
            {
                guard stats != nil || cohorts != nil else { continue }
                halls[hall, default: HallFigures()].keep(
                    day: day, serviceId: service, stats: stats.map { [UInt8]($0) }, open: open.map { Int($0) },
                    cohorts: cohorts.map { [UInt8]($0) })
            }
            try await Self.countBadReviews(
                ranges: ranges, hallId: hallId, serviceId: serviceId, today: today, into: &halls, connection,
                logger: logger)
            if overdueRows > 0, let range = ranges.first {
                try await Self.listOverdue(
                    from: range.from, to: range.to, hallId: hallId, serviceId: serviceId, today: today,
                    rows: overdueRows, into: &halls, connection, logger: logger)
            }
            return halls
        }
    }
}
