import Foundation
import OneWindowCore
import PostgresNIO

extension CityStore {
    /// The hall day before `day` ("" for a day that is not one: no total is kept before it).
    static func dayBefore(_ day: String) -> String {
        DayNumber.dayBefore(day) ?? ""
    }

    /// Into how many shares of halls the running totals are read, each on a connection of its
    /// own (on one snapshot, `CityDatabase.onOneSnapshot`); the bad reviews are one more read.
    static let endShares = 2

    /// Per hall, the figures of hall days `from`…`to`, of one hall and one service if given,
    /// with the bad reviews counted as they stand on the city's day `today`.
    public func figures(
        from: String, to: String, hallId: String?, serviceId: String?, today: String, overdueRows: Int = 0
    ) async throws -> [String: HallFigures] {
        try await figures(
            ranges: [(from, to)], hallId: hallId, serviceId: serviceId, today: today, overdueRows: overdueRows)
    }

    /// Per hall, what the sums of each of `ranges` need (the disclosure reads a year and its
    /// months at once), of one hall and one service if given. Read at once on one snapshot:
    /// `endShares` reads of the running totals (one for one hall), each of a share of the halls (for each hall,
    /// service and day a range ends on, the totals through that day: two index lookups), and
    /// one of the bad reviews' counts as they stand on `today` (the city's day, counted in SQL,
    /// `CityStore+BadReviews`). A year reads two rollups and two small cohort rows per hall and
    /// service, whatever its length. `overdueRows` > 0 also lists, per hall, that many of the
    /// first range's overdue reviews. `afterExport` runs once the snapshot is taken (tests).
    public func figures(
        ranges: [(from: String, to: String)], hallId: String?, serviceId: String?, today: String,
        overdueRows: Int = 0, afterExport: (@Sendable () async throws -> Void)? = nil
    ) async throws -> [String: HallFigures] {
        let days = Array(Set(ranges.flatMap { [$0.to, Self.dayBefore($0.from)] })).sorted()
        let logger = logger
        // One hall's totals are one share: a second would find none of its rows.
        let shares = hallId == nil ? Self.endShares : 1
        var reads: [@Sendable (PostgresConnection) async throws -> [String: HallFigures]] = (0..<shares).map { share in
            { connection in
                try await Self.readEnds(
                    days: days, share: share, of: shares, hallId: hallId, serviceId: serviceId, connection,
                    logger: logger)
            }
        }
        reads.append { connection in
            var halls: [String: HallFigures] = [:]
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
        let parts = try await database.onOneSnapshot(reads, afterExport: afterExport)
        var halls = parts[0]
        for part in parts.dropFirst() {
            for (hall, figures) in part {
                halls[hall, default: HallFigures()].take(figures)
            }
        }
        return halls
    }

    /// The running totals through each of `days`, of the halls in share `share` of `shares`
    /// (by a hash of the hall's id). Memoize is off: each (hall, service, day) is looked up
    /// once, so its cache missed every time (100 % in `EXPLAIN ANALYZE`) and only cost.
    static func readEnds(
        days: [String], share: Int, of shares: Int, hallId: String?, serviceId: String?,
        _ connection: PostgresConnection, logger: Logger
    ) async throws -> [String: HallFigures] {
        try await connection.query("SET LOCAL enable_memoize = off", logger: logger)
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
            WHERE (hashtext(s.hall_id) & 2147483647) % \(shares) = \(share)
            AND (\(hallId)::text IS NULL OR s.hall_id = \(hallId))
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
        return halls
    }
}

extension CityStore.HallFigures {
    /// Adds what another read found of the same hall: the shares read different halls' running
    /// totals, the bad reviews' read their counts, so nothing is read twice.
    fileprivate mutating func take(_ other: Self) {
        ends.merge(other.ends) { mine, theirs in mine.merging(theirs) { first, _ in first } }
        badReviewCounts.merge(other.badReviewCounts) { first, _ in first }
        overdue += other.overdue
    }
}
