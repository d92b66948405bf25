import GRDB

/// 0016: bookings by the ticket they were checked in as (`booking_ticket`). Each call of a
/// ticket to a window looks up the booking it came from (`sealedPhone(ofTicket:)`, for the
/// "请到 3 号窗口" message) inside the commit transaction; without an index that read scanned
/// every booking the hall ever took, on the commit thread. Partial: a booking that was never
/// checked in has no ticket and no place in it.
func migration0016BookingTicketIndex(_ db: Database) throws {
    try db.execute(sql: "CREATE INDEX booking_ticket ON booking (ticket_id) WHERE ticket_id IS NOT NULL")
}
