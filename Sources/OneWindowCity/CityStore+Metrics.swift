import Foundation
import OneWindowCore
import PostgresNIO

extension CityStore {
    /// What one hall's report over a range needs, read from the rollups.
    public struct HallFigures: Sendable {
        /// Whole months' sums, per month, per service: the months inside the range, and later
        /// months that tell of the range's cohorts.
        public var months: [String: [String: StoredDay]] = [:]
        /// The range's days outside those months (a range's first and last, partial, months),
        /// and later days of the range's last month that tell of its cohorts, per service.
        public var days: [String: [String: StoredDay]] = [:]
        /// Cases open at the end of the range, per service.
        public var open: [String: Int] = [:]
        /// Bad reviews made in the range.
        public var badReviews: [MetricsBook.BadReview] = []

        /// Per service, the range's sum, added as the hall's `MetricsBook.sum` adds it.
        public func sums(from: String, to: String) -> [String: DayStats] {
            var sum = RollupRangeSum(from: from, to: to)
            for (month, services) in months {
                let inRange = MonthRange.bounds(of: month).last <= to
                for (serviceId, stored) in services { sum.add(stored, serviceId: serviceId, inRange: inRange) }
            }
            for (day, services) in days where day >= from {
                for (serviceId, stored) in services { sum.add(stored, serviceId: serviceId, inRange: day <= to) }
            }
            return sum.totals
        }
    }

    /// Per hall, the figures of hall days `from`…`to`, of one hall and one service if given.
    /// Four reads in one transaction (one snapshot): the whole months, the days around them,
    /// the open cases, the bad reviews. A year reads a dozen months per hall and service.
    /// `openReviewsOnly` reads only the bad reviews not rectified, all the figures count: a busy
    /// hall has about 38,000 bad reviews a year, most rectified, and reading them all was most
    /// of a year's query (383,000 rows for 11 halls).
    public func figures(
        from: String, to: String, hallId: String?, serviceId: String?, openReviewsOnly: Bool = false
    ) async throws -> [String: HallFigures] {
        let range = MonthRange(from: from, to: to)
        return try await database.transaction { connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
            var halls: [String: HallFigures] = [:]
            let months = try await connection.query(
                """
                SELECT hall_id, month, service_id, stats FROM city_month
                WHERE ((month >= \(range.firstWhole) AND month <= \(range.lastWhole))
                    OR (month > \(range.lastMonth) AND has_cohort_changes))
                AND (\(hallId)::text IS NULL OR hall_id = \(hallId))
                AND (\(serviceId)::text IS NULL OR service_id = \(serviceId))
                """, logger: logger)
            for try await (hall, month, service, bytes) in months.decode((String, String, String, Data).self) {
                halls[hall, default: HallFigures()].months[month, default: [:]][service] = try StoredDay(
                    rollup: [UInt8](bytes))
            }
            let days = try await connection.query(
                """
                SELECT hall_id, hall_day, service_id, stats FROM city_day
                WHERE ((hall_day >= \(from) AND hall_day < \(range.headEnd))
                    OR (hall_day >= \(range.tailStart) AND hall_day < \(range.tailEnd)))
                AND (hall_day <= \(to) OR has_cohort_changes)
                AND (\(hallId)::text IS NULL OR hall_id = \(hallId))
                AND (\(serviceId)::text IS NULL OR service_id = \(serviceId))
                """, logger: logger)
            for try await (hall, day, service, bytes) in days.decode((String, String, String, Data).self) {
                halls[hall, default: HallFigures()].days[day, default: [:]][service] = try StoredDay(
                    rollup: [UInt8](bytes))
            }
            // Open at the end of `to`: the months before `to`'s month, and its days up to `to`.
            let open = try await connection.query(
                """
                SELECT hall_id, service_id, sum(opened)::bigint FROM (
                    SELECT hall_id, service_id, cases_opened - cases_ended AS opened FROM city_month
                    WHERE month < \(range.lastMonth)
                    UNION ALL
                    SELECT hall_id, service_id, cases_opened - cases_ended FROM city_day
                    WHERE hall_day >= \(range.lastMonth) AND hall_day <= \(to)
                ) AS counts
                WHERE (\(hallId)::text IS NULL OR hall_id = \(hallId))
                AND (\(serviceId)::text IS NULL OR service_id = \(serviceId))
                GROUP BY hall_id, service_id
                """, logger: logger)
            for try await (hall, service, count) in open.decode((String, String, Int64).self) {
                halls[hall, default: HallFigures()].open[service] = Int(count)
            }
            let reviews = try await connection.query(
                """
                SELECT hall_id, service_id, hall_day, due, rectified, rectified_on FROM city_bad_review
                WHERE hall_day >= \(from) AND hall_day <= \(to) AND NOT (\(openReviewsOnly) AND rectified)
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
