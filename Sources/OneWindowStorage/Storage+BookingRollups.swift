import Foundation
import GRDB
import OneWindowCore

extension Storage {
    /// The bookings of the days `from` to `to`, and the counts kept of those days whose bookings
    /// were deleted (per hall day and service), read in one transaction: a sweep between two
    /// reads could hide a day from both.
    public func bookingsAndRollups(fromDay from: String, toDay to: String) throws -> (
        bookings: [Booking], rollups: [String: [String: BookingCounts]]
    ) {
        try writer.read { db in
            let bookings = try Row.fetchAll(
                db, sql: "SELECT * FROM booking WHERE day >= ? AND day <= ? ORDER BY day, start_minutes, booked_at",
                arguments: [from, to]
            ).map(Self.booking)
            return (bookings, try Self.bookingRollups(db, fromDay: from, toDay: to))
        }
    }

    /// The counts kept of the days whose bookings were deleted, from `from` to `to`.
    static func bookingRollups(_ db: Database, fromDay from: String, toDay to: String) throws
        -> [String: [String: BookingCounts]]
    {
        var days: [String: [String: BookingCounts]] = [:]
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM booking_rollup WHERE day >= ? AND day <= ?", arguments: [from, to])
        for row in rows {
            var counts = BookingCounts()
            counts.bookings = row["bookings"]
            counts.cancelled = row["cancelled"]
            counts.checkedIn = row["checked_in"]
            counts.late = row["late"]
            counts.missed = row["missed"]
            counts.closed = row["window_closed"]
            counts.punctual = row["punctual"]
            days[row["day"], default: [:]][row["service_id"]] = counts
        }
        return days
    }

    /// Deletes the bookings of days before `day`, with their numbers (the retention period,
    /// `--retention-days`), and in the same transaction keeps their figures: `count` turns the
    /// bookings read into counts per hall day and service, added to `booking_rollup`. Either
    /// both happen or neither: a range's figures never lose a day. Returns how many were deleted.
    @discardableResult
    public func deleteBookings(
        beforeDay day: String, keeping count: ([Booking]) -> [String: [String: BookingCounts]]
    ) throws -> Int {
        try writer.write { db in
            let bookings = try Row.fetchAll(db, sql: "SELECT * FROM booking WHERE day < ?", arguments: [day])
                .map(Self.booking)
            guard !bookings.isEmpty else { return 0 }
            let columns = BookingRollupColumns.all
            let sql = """
                INSERT INTO booking_rollup (day, service_id, \(columns.joined(separator: ", ")))
                VALUES (?, ?\(String(repeating: ", ?", count: columns.count)))
                ON CONFLICT (day, service_id) DO UPDATE SET
                \(columns.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", "))
                """
            for (hallDay, services) in count(bookings) {
                for (serviceId, c) in services {
                    try db.execute(
                        sql: sql,
                        arguments: [
                            hallDay, serviceId, c.bookings, c.cancelled, c.checkedIn, c.late, c.missed, c.closed,
                            c.punctual,
                        ])
                }
            }
            try db.execute(sql: "DELETE FROM booking WHERE day < ?", arguments: [day])
            return db.changesCount
        }
    }
}
