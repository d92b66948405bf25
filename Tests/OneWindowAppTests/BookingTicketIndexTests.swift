import Foundation
import GRDB
import OneWindowStorage
import OneWindowTesting
import Testing

/// The call of a ticket reads its booking by `ticket_id` in the commit transaction
/// (`QueueTransaction.sealedPhone(ofTicket:)`); migration 0016 indexes that column.
@Suite("Bookings by ticket", .timeLimit(.minutes(1)))
struct BookingTicketIndexTests {
    @Test("a ticket's booking is found through the booking_ticket index, not by scanning every booking")
    func lookupUsesIndex() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pool = try DatabasePool(path: directory.path("onewindow.sqlite"), configuration: .waitingForLocks)
        _ = try Storage(writer: pool)
        // The statement of `sealedPhone(ofTicket:)`, as SQLite would run it.
        let plan = try pool.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN SELECT phone_sealed FROM booking WHERE ticket_id = ?", arguments: ["x"]
            ).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("USING INDEX booking_ticket") }, "the plan was \(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN") }, "the plan was \(plan)")
    }
}
