import GRDB

/// 0018: each hall day's booking counts per service (`BookingCounts`), written in the same
/// transaction that deletes the day's bookings at the end of the retention period, so that the
/// booking figures of a range of any age stay what they were (issue 16). Counts only: nothing
/// in a row names or points to a person.
func migration0018BookingRollups(_ db: Database) throws {
    try db.create(table: "booking_rollup") { table in
        table.column("day", .text).notNull()
        table.column("service_id", .text).notNull()
        for column in BookingRollupColumns.all { table.column(column, .integer).notNull().defaults(to: 0) }
        table.primaryKey(["day", "service_id"])
    }
}

/// The count columns of `booking_rollup`, in the order of `BookingCounts`' fields.
enum BookingRollupColumns {
    static let all = ["bookings", "cancelled", "checked_in", "late", "missed", "window_closed", "punctual"]
}
