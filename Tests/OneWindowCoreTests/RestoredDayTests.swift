import Foundation
import OneWindowCore
import Testing

/// A queue restored on a later day than its last stored one (the daemon was down over
/// midnight): yesterday's open tickets end at once and are never called today.
@Suite("A queue restored on a later day", .timeLimit(.minutes(2)))
struct RestoredDayTests {
    static let yesterday = HallQueueTests.morning - 86_400

    @Test("yesterday's waiting and called tickets expire at the first command, and today's queue calls none of them")
    func staleTicketsExpire() {
        let waiting = Ticket(
            id: "old-1", hallDay: "2026-11-27", prefix: "C", sequence: 1, serviceId: "S1", priority: false,
            issuedAt: Self.yesterday)
        let called = Ticket(
            id: "old-2", hallDay: "2026-11-27", prefix: "C", sequence: 2, serviceId: "S1", priority: false,
            status: .called, window: "1", callCount: 1, issuedAt: Self.yesterday, calledAt: Self.yesterday + 60)
        var queue = HallQueue(
            catalogue: HallQueueTests.catalogue, day: "2026-11-28", tickets: [waiting, called],
            windows: [WindowState(id: "1", paused: false, currentTicketId: "old-2")])
        let rolled = queue.apply(.rollOver, by: "system", at: HallQueueTests.morning)
        #expect(rolled.events.map(\.kind) == [.expired, .expired])
        #expect(Set(rolled.events.compactMap(\.ticketId)) == ["old-1", "old-2"])
        #expect(rolled.changes.windows["1"]?.currentTicketId == nil)
        #expect(queue.tickets["old-1"] == nil && queue.tickets["old-2"] == nil, "yesterday's ended tickets are let go")
        let next = queue.apply(.callNext(window: "1"), by: "window-1", at: HallQueueTests.morning + 60)
        #expect(next.outcome == .success(.nothingWaiting))
        #expect(queue.apply(.rollOver, by: "system", at: HallQueueTests.morning + 120).changes.isEmpty)
    }

    @Test("today's own open tickets are untouched by the restore")
    func todaysStay() {
        let today = Ticket(
            id: "new-1", hallDay: "2026-11-28", prefix: "C", sequence: 1, serviceId: "S1", priority: false,
            issuedAt: HallQueueTests.morning - 600)
        var queue = HallQueue(catalogue: HallQueueTests.catalogue, day: "2026-11-28", tickets: [today])
        #expect(queue.apply(.rollOver, by: "system", at: HallQueueTests.morning).changes.isEmpty)
        #expect(queue.tickets["new-1"]?.status == .waiting)
    }
}
