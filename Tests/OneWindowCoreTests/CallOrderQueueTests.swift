import Foundation
import Testing

@testable import OneWindowCore

/// The call order with appointments, through call-next: appointment tickets go ahead of the
/// walk-ins of their letter, but at most `maxAppointmentsInRow` (2) in a row while a walk-in
/// has waited more than `walkInWaitMinutes` (20).
@Suite("Call order with appointments", .timeLimit(.minutes(2)))
struct CallOrderQueueTests {
    static func at(_ time: String) -> Date { CheckInCommandTests.at(time) }

    /// Bookings K1…K5 of S1 (letter C) at 09:00, all checked in at 08:40.
    static func queue(appointments: Int) -> HallQueue {
        let bookings = (1...appointments).map { CheckInCommandTests.booking("K\($0)") }
        var queue = CheckInCommandTests.queue(bookings)
        for index in 1...appointments {
            _ = queue.apply(CheckInCommandTests.checkIn("K\(index)", id: "a\(index)"), by: "kiosk", at: at("08:40"))
        }
        return queue
    }

    static func walkIn(_ queue: inout HallQueue, _ id: String, at time: String, service: String = "S1") {
        _ = queue.apply(
            .issue(TicketOrder(id: id, serviceId: service, priority: false, caseId: nil)), by: "kiosk", at: at(time))
    }

    /// Calls and completes at window 1, `count` times; the ids called.
    static func calls(_ queue: inout HallQueue, _ count: Int, at time: String) -> [String] {
        (0..<count).compactMap { _ in
            guard
                case .success(.ticket(let ticket)) = queue.apply(.callNext(window: "1"), by: "clerk", at: at(time))
                    .outcome
            else { return nil }
            _ = queue.apply(
                .complete(ticket: ticket.id, window: "1", outcome: .completed, missingMaterials: [], note: nil),
                by: "clerk", at: at(time))
            return ticket.id
        }
    }

    @Test("an appointment ticket is called before an earlier walk-in of its letter")
    func aheadOfWalkIns() {
        var queue = CheckInCommandTests.queue()
        Self.walkIn(&queue, "w1", at: "08:30")
        _ = queue.apply(CheckInCommandTests.checkIn("K1", id: "a1"), by: "kiosk", at: Self.at("08:45"))
        #expect(Self.calls(&queue, 2, at: "08:50") == ["a1", "w1"])
    }

    @Test("after two appointments in a row a walk-in who waited over 20 minutes goes next")
    func noStarvation() {
        var queue = Self.queue(appointments: 5)
        Self.walkIn(&queue, "w1", at: "08:35")
        Self.walkIn(&queue, "w2", at: "08:36")
        // At 09:00 both walk-ins have waited 24 minutes or more.
        #expect(Self.calls(&queue, 8, at: "09:00") == ["a1", "a2", "w1", "a3", "a4", "w2", "a5"])
    }

    @Test("walk-ins who have not waited 20 minutes do not break a row of appointments")
    func freshWalkInsWait() {
        var queue = Self.queue(appointments: 4)
        Self.walkIn(&queue, "w1", at: "08:50")
        #expect(Self.calls(&queue, 5, at: "09:00") == ["a1", "a2", "a3", "a4", "w1"])
    }

    @Test("priority tickets still come first, and a walk-in of another letter is not the one that breaks the row")
    func priorityAndLetters() {
        var queue = Self.queue(appointments: 3)
        Self.walkIn(&queue, "m1", at: "08:20", service: "S3")  // letter A, also at window 1
        _ = queue.apply(
            .issue(TicketOrder(id: "p1", serviceId: "S2", priority: true, caseId: nil)), by: "kiosk",
            at: Self.at("08:55"))
        #expect(Self.calls(&queue, 5, at: "09:00") == ["p1", "a1", "a2", "a3", "m1"])
    }

    @Test("a restored queue knows how many appointments were called in a row")
    func restored() {
        var queue = Self.queue(appointments: 3)
        Self.walkIn(&queue, "w1", at: "08:35")
        #expect(Self.calls(&queue, 2, at: "09:00") == ["a1", "a2"])
        var restored = HallQueue(
            catalogue: BookingCommandTests.catalogue, day: CheckInCommandTests.day,
            tickets: Array(queue.tickets.values),
            bookings: queue.bookings?.bookings ?? [])
        #expect(restored.appointmentsInRow["C"] == 2)
        #expect(Self.calls(&restored, 2, at: "09:01") == ["w1", "a3"])
    }
}
