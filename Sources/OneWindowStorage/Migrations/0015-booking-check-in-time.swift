import GRDB

/// 0015: when a booking was checked in (`checked_in_at`), for punctuality (issue 16). A
/// booking checked in before it has none, and counts among check-ins but not as punctual.
func migration0015BookingCheckInTime(_ db: Database) throws {
    try db.alter(table: "booking") { table in
        table.add(column: "checked_in_at", .datetime)
    }
}
