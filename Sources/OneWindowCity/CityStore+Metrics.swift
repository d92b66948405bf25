import Foundation
import OneWindowCore
import PostgresNIO

extension CityStore {
    /// What one hall's report over a range needs, read from the rollups.
    public struct HallFigures: Sendable {
        /// The range's days, and later days that tell of the range's cohorts, per service.
        public var days: [String: [String: StoredDay]] = [:]
        /// Cases open at the end of the range, per service.
        public var open: [String: Int] = [:]
        /// Bad reviews made in the range.
        public var badReviews: [MetricsBook.BadReview] = []

        /// Per service, the range's sum: `MetricsBook.sum`, the hall's own.
        public func sums(from: String, to: String) -> [String: DayStats] {
            MetricsBook(stored: days, cohorts: [], badReviews: [:], lastEventId: 0).sum(from: from, to: to)
        }
    }

    /// Per hall, the figures of hall days `from`…`to`, of one hall and one service if given.
    /// Three reads in one transaction (one snapshot): the days, the open cases, the bad reviews.
    public func figures(from: String, to: String, hallId: String?, serviceId: String?) async throws
        -> [String: HallFigures]
    {
        try await database.transaction { connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
            var halls: [String: HallFigures] = [:]
            let days = try await connection.query(
                """
                SELECT hall_id, hall_day, service_id, stats FROM city_day
                WHERE hall_day >= \(from) AND (hall_day <= \(to) OR has_cohort_changes)
                AND (\(hallId)::text IS NULL OR hall_id = \(hallId))
                AND (\(serviceId)::text IS NULL OR service_id = \(serviceId))
                """, logger: logger)
            for try await (hall, day, service, bytes) in days.decode((String, String, String, Data).self) {
                halls[hall, default: HallFigures()].days[day, default: [:]][service] = try StoredDay(
                    rollup: [UInt8](bytes))
            }
            let open = try await connection.query(
                """
                SELECT hall_id, service_id, sum(cases_opened - cases_ended)::bigint FROM city_day
                WHERE hall_day <= \(to)
                AND (\(hallId)::text IS NULL OR hall_id = \(hallId))
                AND (\(serviceId)::text IS NULL OR service_id = \(serviceId))
                GROUP BY hall_id, service_id
                """, logger: logger)
            for try await (hall, service, count) in open.decode((String, String, Int64).self) {
                halls[hall, default: HallFigures()].open[service] = Int(count)
            }
            let reviews = try await connection.query(
                """
                SELECT hall_id, service_id, hall_day, due, rectified, rectified_on FROM city_bad_review
                WHERE hall_day >= \(from) AND hall_day <= \(to)
                AND (\(hallId)::text IS NULL OR hall_id = \(hallId))
                AND (\(serviceId)::text IS NULL OR service_id = \(serviceId))
                """, logger: logger)
            for try await (hall, service, day, due, rectified, rectifiedOn) in reviews.decode(
                (String, String, String, String?, Bool, String?).self)
            {
                halls[hall, default: HallFigures()].badReviews.append(
                    MetricsBook.BadReview(
                        serviceId: service, hallDay: day, due: due, rectified: rectified, rectifiedOn: rectifiedOn))
            }
            return halls
        }
    }
}
