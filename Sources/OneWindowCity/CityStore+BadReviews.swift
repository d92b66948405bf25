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
    static func countBadReviews(
        ranges: [(from: String, to: String)], hallId: String?, serviceId: String?, today: String,
        into halls: inout [String: HallFigures], _ connection: PostgresConnection, logger: Logger
    ) async throws {
        let rows = try await connection.query(
            """
            SELECT r.first, r.last, b.hall_id, b.service_id,
                count(*) FILTER (WHERE NOT b.rectified),
                count(*) FILTER (WHERE NOT b.rectified AND b.due COLLATE "C" < \(today)),
                count(*) FILTER (WHERE b.rectified),
                count(*) FILTER (WHERE b.rectified AND b.rectified_on IS NOT NULL
                    AND (b.due IS NULL OR b.rectified_on COLLATE "C" <= b.due))
            FROM unnest(\(ranges.map(\.from))::text[], \(ranges.map(\.to))::text[]) AS r(first, last)
            JOIN city_bad_review b ON b.hall_day >= r.first AND b.hall_day <= r.last
            WHERE (\(hallId)::text IS NULL OR b.hall_id = \(hallId))
            AND (\(serviceId)::text IS NULL OR b.service_id = \(serviceId))
            GROUP BY r.first, r.last, b.hall_id, b.service_id
            """, logger: logger)
        for try await (from, to, hall, service, open, overdue, rectified, inTime) in rows.decode(
            (String, String, String, String, Int64, Int64, Int64, Int64).self)
        {
            let count = BadReviewCounts.Count(
                open: Int(open), overdue: Int(overdue), rectified: Int(rectified), rectifiedInTime: Int(inTime))
            halls[hall, default: HallFigures()].badReviewCounts["\(from)…\(to)", default: BadReviewCounts()].add(
                count, serviceId: service)
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
