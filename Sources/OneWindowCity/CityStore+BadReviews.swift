import Logging
import OneWindowCore
import PostgresNIO

/// What the city's reports read of the halls' bad reviews (`city_bad_review`): counts per range,
/// hall and service (`BadReviewCounts`), and a short list of the overdue ones for `/city`.
extension CityStore {
    /// A bad review past its deadline and not rectified: the service and the dates, never who.
    public struct OverdueReview: Sendable, Equatable {
        public var serviceId: String
        public var hallDay: String
        public var due: String
    }

    /// Adds to `halls` the counts of the bad reviews made in each of `ranges`, per hall and
    /// service, as they stand on `today`, with `BadReviewCounts.count`'s definition: open = not
    /// rectified; overdue = open with `due < today`; rectified; rectified in time = rectified on
    /// or before `due` (or without one). Days and deadlines are compared as text in "C" order.
    /// Read from the running totals (migration 0005): per hall, service and day a range ends on,
    /// the totals through that day; and the open reviews not yet due, which are few.
    static func countBadReviews(
        ranges: [(from: String, to: String)], hallId: String?, serviceId: String?, today: String,
        into halls: inout [String: HallFigures], _ connection: PostgresConnection, logger: Logger
    ) async throws {
        let days = Array(Set(ranges.flatMap { [$0.to, dayBefore($0.from)] })).sorted()
        var totals: [String: [String: [String: BadReviewCounts.Count]]] = [:]
        // Each (hall, service, day) once: Memoize's cache would miss every time (as `readEnds`').
        try await connection.query("SET LOCAL enable_memoize = off", logger: logger)
        let rows = try await connection.query(
            """
            SELECT s.hall_id, s.service_id, e.day, t.open, t.rectified, t.rectified_in_time
            FROM city_hall_service s CROSS JOIN unnest(\(days)::text[]) AS e(day)
            JOIN LATERAL (
                SELECT open, rectified, rectified_in_time FROM city_bad_review_total p
                WHERE p.hall_id = s.hall_id AND p.service_id = s.service_id AND p.hall_day <= e.day
                ORDER BY p.hall_day DESC LIMIT 1) t ON true
            WHERE (\(hallId)::text IS NULL OR s.hall_id = \(hallId))
            AND (\(serviceId)::text IS NULL OR s.service_id = \(serviceId))
            """, logger: logger)
        for try await (hall, service, day, open, rectified, inTime) in rows.decode(
            (String, String, String, Int64, Int64, Int64).self)
        {
            totals[hall, default: [:]][service, default: [:]][day] = BadReviewCounts.Count(
                open: Int(open), rectified: Int(rectified), rectifiedInTime: Int(inTime))
        }
        var notDue: [String: Int] = [:]
        // The open reviews not yet due through their partial index (`city_bad_review_open_due`),
        // fenced off (`OFFSET 0`) from the ranges: joined to them, the planner guessed the
        // ranges' days would pick few reviews and read every review of the year by day instead
        // (2.8 million for 203 halls' year in the bench, 600–800 ms; this way 120–130 ms for its
        // 130,000 open ones not yet due). The ranges are grouped by their number, not their text.
        let waiting = try await connection.query(
            """
            SELECT r.n, b.hall_id, b.service_id, count(*)
            FROM unnest(\(ranges.map(\.from))::text[], \(ranges.map(\.to))::text[]) WITH ORDINALITY AS r(first, last, n)
            JOIN LATERAL (
                SELECT hall_id, service_id, hall_day FROM city_bad_review
                WHERE NOT rectified AND coalesce(due, '9999-12-31') COLLATE "C" >= \(today)
                AND (\(hallId)::text IS NULL OR hall_id = \(hallId))
                AND (\(serviceId)::text IS NULL OR service_id = \(serviceId))
                OFFSET 0) b ON b.hall_day >= r.first AND b.hall_day <= r.last
            GROUP BY r.n, b.hall_id, b.service_id
            """, logger: logger)
        for try await (number, hall, service, count) in waiting.decode((Int64, String, String, Int64).self) {
            let range = ranges[Int(number) - 1]
            notDue["\(range.from)…\(range.to)|\(hall)|\(service)"] = Int(count)
        }
        for (hall, services) in totals {
            for (service, ends) in services {
                for (from, to) in ranges {
                    let through = ends[to] ?? BadReviewCounts.Count()
                    let before = ends[dayBefore(from)] ?? BadReviewCounts.Count()
                    let open = through.open - before.open
                    let count = BadReviewCounts.Count(
                        open: open, overdue: open - (notDue["\(from)…\(to)|\(hall)|\(service)"] ?? 0),
                        rectified: through.rectified - before.rectified,
                        rectifiedInTime: through.rectifiedInTime - before.rectifiedInTime)
                    guard count != BadReviewCounts.Count() else { continue }
                    halls[hall, default: HallFigures()].badReviewCounts[
                        "\(from)…\(to)", default: BadReviewCounts()
                    ].add(count, serviceId: service)
                }
            }
        }
    }

    /// Builds the bad reviews' running totals again from the stored reviews, as migration 0005
    /// built them once: after reviews were copied in with SQL and the trigger off (the bench).
    public func buildBadReviewTotals() async throws {
        try await database.transaction { connection in
            try await connection.query("DELETE FROM city_bad_review_total", logger: logger)
            for statement in CityMigrations.badReviewTotalsBackfill {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        }
    }

    /// Sets each hall's `overdue`: at most `rows` of the bad reviews made `from`…`to` that are
    /// overdue on `today`, the earliest deadline first.
    static func listOverdue(
        from: String, to: String, hallId: String?, serviceId: String?, today: String, rows: Int,
        into halls: inout [String: HallFigures], _ connection: PostgresConnection, logger: Logger
    ) async throws {
        let listed = try await connection.query(
            """
            SELECT hall_id, service_id, hall_day, due FROM (
                SELECT hall_id, service_id, hall_day, due, row_number() OVER (
                    PARTITION BY hall_id ORDER BY due COLLATE "C", hall_day, evaluation_id) AS n
                FROM city_bad_review
                WHERE hall_day >= \(from) AND hall_day <= \(to) AND NOT rectified AND due COLLATE "C" < \(today)
                AND (\(hallId)::text IS NULL OR hall_id = \(hallId))
                AND (\(serviceId)::text IS NULL OR service_id = \(serviceId))) r
            WHERE n <= \(rows)
            ORDER BY hall_id, n
            """, logger: logger)
        for try await (hall, service, day, due) in listed.decode((String, String, String, String).self) {
            halls[hall, default: HallFigures()].overdue.append(
                OverdueReview(serviceId: service, hallDay: day, due: due))
        }
    }
}
