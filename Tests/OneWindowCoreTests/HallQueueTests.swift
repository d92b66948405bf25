import Foundation
import Testing

@testable import OneWindowCore

/// The queue's state machine, transition by transition, legal and illegal.
@Suite("The hall queue", .timeLimit(.minutes(2)))
struct HallQueueTests {
    /// Window 1 takes everything; window 2 only S3 (marriage).
    static let catalogue = Catalogue(
        hall: Hall(
            name: "大厅", timeZone: "Asia/Shanghai", address: "地址", hours: "工作日",
            windows: [
                Window(id: "1", name: "1号综合窗口", kind: .comprehensive),
                Window(id: "2", name: "2号婚姻登记窗口", kind: .specialised, services: ["S3"]),
            ]),
        services: [
            SearchIndexTests.item("S1", "临时救助"), SearchIndexTests.item("S2", "最低生活保障"),
            {
                var item = SearchIndexTests.item("S3", "内地居民结婚登记")
                item.queuePrefix = "A"
                return item
            }(),
        ])

    /// 2026-11-28 09:00 in Shanghai.
    static let morning = Date(timeIntervalSince1970: 1_795_827_600)

    var queue = HallQueue(catalogue: catalogue, day: "2026-11-28")
    var clock = morning
    var nextId = 0

    mutating func tick(_ seconds: Double = 60) -> Date {
        clock += seconds
        return clock
    }

    mutating func issue(_ service: String, priority: Bool = false) throws -> Ticket {
        nextId += 1
        return try queue.issue(id: "t\(nextId)", serviceId: service, priority: priority, actor: "kiosk-1", at: tick())
    }

    @Test("numbers are the prefix and a per-prefix sequence, zero-padded to 3 digits")
    mutating func numbering() throws {
        #expect(try issue("S1").number == "C001")
        #expect(try issue("S3").number == "A001")
        #expect(try issue("S2").number == "C002")
        #expect(
            Ticket(id: "x", hallDay: "", prefix: "B", sequence: 1234, serviceId: "", priority: false, issuedAt: clock)
                .number == "B1234")
    }

    @Test("issuing records the ticket and opens its case; the issued event says so")
    mutating func issueRecords() throws {
        let ticket = try issue("S1")
        let changes = queue.takeChanges()
        #expect(changes.tickets[ticket.id] == ticket)
        #expect(changes.events.map(\.kind) == [.issued])
        #expect(EventDetail.parse(changes.events.first?.detail).opened == true)
        #expect(ticket.caseId == "C20261128-0001")
        #expect(changes.cases[ticket.caseId!]?.ticketIds == [ticket.id])
        #expect(queue.takeChanges().isEmpty)
    }

    @Test("an unknown service and a service no open window takes are refused")
    mutating func issueRefusals() throws {
        #expect(throws: QueueError.serviceNotFound("NOPE")) { try issue("NOPE") }
        _ = try queue.setPaused(true, window: "1", actor: "clerk", at: tick())
        #expect(throws: QueueError.serviceNotServed("临时救助")) { try issue("S1") }
        #expect(try issue("S3").number == "A001")
    }

    @Test("call-next takes priority first, then the earliest issued, across the window's services")
    mutating func callOrder() throws {
        let c1 = try issue("S1")
        let a1 = try issue("S3")
        let c2 = try issue("S2", priority: true)
        #expect(try queue.callNext(window: "2", actor: "clerk-2", at: tick())?.id == a1.id)
        var order: [String] = []
        for _ in 0..<2 {
            let called = try #require(try queue.callNext(window: "1", actor: "clerk-1", at: tick()))
            order.append(called.id)
            #expect(called.status == .called && called.window == "1" && called.callCount == 1)
            _ = try queue.complete(ticket: called.id, window: "1", outcome: .completed, actor: "clerk-1", at: tick())
        }
        #expect(order == [c2.id, c1.id])
        #expect(try queue.callNext(window: "1", actor: "clerk-1", at: tick()) == nil)
    }

    @Test("a specialised window calls only its own services")
    mutating func specialisedWindow() throws {
        _ = try issue("S1")
        #expect(try queue.callNext(window: "2", actor: "clerk-2", at: tick()) == nil)
    }

    @Test("call-next on a window whose ticket is still open is refused")
    mutating func windowBusy() throws {
        _ = try issue("S1")
        let second = try issue("S1")
        let first = try #require(try queue.callNext(window: "1", actor: "clerk", at: tick()))
        #expect(throws: QueueError.windowBusy(window: "1", ticket: first.number)) {
            try queue.callNext(window: "1", actor: "clerk", at: tick())
        }
        #expect(queue.tickets[second.id]?.status == .waiting)
    }

    @Test("recall counts calls; recall with no current ticket is refused")
    mutating func recall() throws {
        #expect(throws: QueueError.noCurrentTicket(window: "1")) {
            try queue.recall(window: "1", actor: "c", at: tick())
        }
        _ = try issue("S1")
        _ = try queue.callNext(window: "1", actor: "c", at: tick())
        #expect(try queue.recall(window: "1", actor: "c", at: tick()).callCount == 2)
        #expect(queue.takeChanges().events.last?.kind == .recalled)
    }

    @Test("no-show is allowed only after the configured number of calls, and frees the window")
    mutating func noShow() throws {
        let ticket = try issue("S1")
        _ = try queue.callNext(window: "1", actor: "c", at: tick())
        #expect(throws: QueueError.tooFewCalls(ticket: "C001", calls: 1, needed: 3)) {
            try queue.noShow(ticket: ticket.id, window: "1", actor: "c", at: tick())
        }
        _ = try queue.recall(window: "1", actor: "c", at: tick())
        _ = try queue.recall(window: "1", actor: "c", at: tick())
        #expect(try queue.noShow(ticket: ticket.id, window: "1", actor: "c", at: tick()).status == .noShow)
        #expect(queue.windows["1"]?.currentTicketId == nil)
        #expect(throws: QueueError.ticketState(ticket: "C001", status: .noShow, expected: "called")) {
            try queue.complete(ticket: ticket.id, window: "1", outcome: .completed, actor: "c", at: tick())
        }
    }

    @Test("no-show waits the set time since the first call: three calls in 3 s are refused with the seconds left")
    mutating func noShowTooSoon() throws {
        let ticket = try issue("S1")
        let first = tick()
        _ = try queue.callNext(window: "1", actor: "c", at: first)
        _ = try queue.recall(window: "1", actor: "c", at: first + 1)
        let recalled = try queue.recall(window: "1", actor: "c", at: first + 2)
        #expect(recalled.firstCalledAt == first && recalled.calledAt == first + 2)
        #expect(throws: QueueError.tooSoonForNoShow(ticket: "C001", secondsLeft: 87)) {
            try queue.noShow(ticket: ticket.id, window: "1", actor: "c", at: first + 3)
        }
        // Rounded up: told 1 s at 89.5 s, and allowed at 90 s.
        #expect(throws: QueueError.tooSoonForNoShow(ticket: "C001", secondsLeft: 1)) {
            try queue.noShow(ticket: ticket.id, window: "1", actor: "c", at: first + 89.5)
        }
        #expect(queue.tickets[ticket.id]?.status == .called)
        _ = queue.takeChanges()
        #expect(try queue.noShow(ticket: ticket.id, window: "1", actor: "c", at: first + 90).status == .noShow)
        #expect(queue.takeChanges().events.map(\.kind) == [.noShow])
    }

    @Test("a transfer starts the time again: the first call at the new service counts")
    mutating func noShowAfterTransfer() throws {
        let ticket = try issue("S1")
        _ = try queue.callNext(window: "1", actor: "c", at: tick())
        let moved = try queue.transfer(ticket: ticket.id, window: "1", to: "S2", actor: "c", at: tick(200))
        #expect(moved.firstCalledAt == nil)
        let again = tick()
        _ = try queue.callNext(window: "1", actor: "c", at: again)
        #expect(queue.tickets[ticket.id]?.firstCalledAt == again)
        _ = try queue.recall(window: "1", actor: "c", at: again + 1)
        _ = try queue.recall(window: "1", actor: "c", at: again + 2)
        #expect(throws: QueueError.tooSoonForNoShow(ticket: "C001", secondsLeft: 80)) {
            try queue.noShow(ticket: ticket.id, window: "1", actor: "c", at: again + 10)
        }
        #expect(queue.secondsBeforeNoShow(queue.tickets[ticket.id]!, at: again + 100) == 0)
    }

    @Test("the time is a setting: with 0 the calls alone decide")
    func noShowAfterZero() throws {
        var queue = HallQueue(catalogue: Self.catalogue, day: "2026-11-28", noShowAfter: 0)
        let at = Self.morning
        let ticket = try queue.issue(id: "t1", serviceId: "S1", priority: false, actor: "k", at: at)
        _ = try queue.callNext(window: "1", actor: "c", at: at)
        _ = try queue.recall(window: "1", actor: "c", at: at)
        _ = try queue.recall(window: "1", actor: "c", at: at)
        #expect(try queue.noShow(ticket: ticket.id, window: "1", actor: "c", at: at).status == .noShow)
    }

    @Test("transfer puts the ticket back for another service, keeping its issue time")
    mutating func transfer() throws {
        let early = try issue("S1")
        _ = try issue("S3")
        _ = try queue.callNext(window: "1", actor: "c", at: tick())
        let moved = try queue.transfer(ticket: early.id, window: "1", to: "S3", actor: "c", at: tick())
        #expect(moved.status == .waiting && moved.serviceId == "S3" && moved.issuedAt == early.issuedAt)
        #expect(moved.number == "C001" && moved.window == nil && moved.callCount == 0)
        // It is ahead of the later A001 at the marriage window.
        #expect(try queue.callNext(window: "2", actor: "c2", at: tick())?.id == early.id)
        #expect(throws: QueueError.serviceNotFound("NOPE")) {
            try queue.transfer(ticket: early.id, window: "2", to: "NOPE", actor: "c", at: tick())
        }
    }

    @Test("complete ends the visit with its outcome and feeds the service time")
    mutating func complete() throws {
        let ticket = try issue("S1")
        _ = try queue.callNext(window: "1", actor: "c", at: tick())
        let done = try queue.complete(ticket: ticket.id, window: "1", outcome: .completed, actor: "c", at: tick(120))
        #expect(done.status == .completed && done.outcome == "completed")
        #expect(queue.serviceTimes.average(for: "S1") == 120)
    }

    @Test("illegal transitions name the state: completing a waiting ticket, acting on another window's ticket")
    mutating func illegalTransitions() throws {
        let ticket = try issue("S3")
        #expect(throws: QueueError.ticketState(ticket: "A001", status: .waiting, expected: "called")) {
            try queue.complete(ticket: ticket.id, window: "1", outcome: .completed, actor: "c", at: tick())
        }
        #expect(throws: QueueError.ticketState(ticket: "A001", status: .waiting, expected: "called")) {
            try queue.noShow(ticket: ticket.id, window: "1", actor: "c", at: tick())
        }
        _ = try queue.callNext(window: "2", actor: "c2", at: tick())
        #expect(throws: QueueError.notThisWindow(ticket: "A001", calledTo: "2")) {
            try queue.complete(ticket: ticket.id, window: "1", outcome: .completed, actor: "c", at: tick())
        }
        #expect(throws: QueueError.ticketNotFound("nope")) {
            try queue.complete(ticket: "nope", window: "1", outcome: .completed, actor: "c", at: tick())
        }
        #expect(throws: QueueError.windowNotFound("9")) { try queue.callNext(window: "9", actor: "c", at: tick()) }
    }

    @Test("a paused window calls nothing; resuming lets it call again; pausing twice changes nothing")
    mutating func pause() throws {
        _ = try issue("S1")
        _ = try queue.setPaused(true, window: "1", actor: "c", at: tick())
        #expect(throws: QueueError.windowPaused("1")) { try queue.callNext(window: "1", actor: "c", at: tick()) }
        _ = queue.takeChanges()
        _ = try queue.setPaused(true, window: "1", actor: "c", at: tick())
        #expect(queue.takeChanges().isEmpty)
        _ = try queue.setPaused(false, window: "1", actor: "c", at: tick())
        #expect(try queue.callNext(window: "1", actor: "c", at: tick()) != nil)
    }

    @Test("the next hall-local day expires open tickets and restarts the numbers")
    mutating func dayRollover() throws {
        let waiting = try issue("S1")
        _ = try issue("S1")
        _ = try queue.callNext(window: "1", actor: "c", at: tick())
        _ = queue.takeChanges()
        // 16 hours later it is 2026-11-29 in Shanghai.
        clock += 16 * 3600
        let next = try issue("S1")
        #expect(queue.day == "2026-11-29")
        #expect(next.number == "C001" && next.hallDay == "2026-11-29")
        let changes = queue.takeChanges()
        #expect(changes.tickets[waiting.id]?.status == .expired)
        #expect(changes.events.filter { $0.kind == .expired }.count == 2)
        #expect(changes.events.allSatisfy { $0.kind != .expired || $0.actor == "system" })
        #expect(queue.windows["1"]?.currentTicketId == nil)
    }

    @Test("close-day expires waiting and called tickets; later tickets continue the numbers")
    mutating func closeDay() throws {
        _ = try issue("S1")
        _ = try issue("S2")
        _ = try queue.callNext(window: "1", actor: "c", at: tick())
        let expired = queue.closeDay(actor: "admin", at: tick())
        #expect(expired.count == 2 && expired.allSatisfy { $0.status == .expired })
        #expect(queue.waiting.isEmpty)
        #expect(try issue("S1").number == "C003")
    }

    @Test("restoring from stored tickets continues the numbers")
    mutating func restore() throws {
        _ = try issue("S1")
        _ = try issue("S1")
        var restored = HallQueue(catalogue: Self.catalogue, day: "2026-11-28", tickets: Array(queue.tickets.values))
        #expect(try restored.issue(id: "n", serviceId: "S1", priority: false, actor: "k", at: tick()).number == "C003")
    }

    @Test("the wait estimate counts the people ahead and divides by the open windows")
    mutating func estimate() throws {
        _ = try issue("S3")
        _ = try issue("S1")
        let last = try issue("S3")
        // Ahead of the last A ticket: A001 and C001 (window 1 takes both); 2 open windows take S3.
        #expect(queue.estimate(for: last) == (2, 300) ? true : false)
        _ = try queue.setPaused(true, window: "2", actor: "c", at: tick())
        #expect(queue.estimate(for: last) == (2, 600) ? true : false)
        _ = try queue.setPaused(true, window: "1", actor: "c", at: tick())
        #expect(queue.estimate(for: last).seconds == nil)
    }

    @Test("the estimate of every waiting ticket, read from the lines, matches a full count of the queue")
    mutating func estimateFromLines() throws {
        for index in 0..<12 { _ = try issue(["S1", "S2", "S3"][index % 3], priority: index % 5 == 0) }
        _ = try queue.callNext(window: "2", actor: "c", at: tick())
        let early = try #require(queue.waiting.first { $0.serviceId == "S1" })
        _ = try queue.callNext(window: "1", actor: "c", at: tick())
        _ = try queue.transfer(ticket: early.id, window: "1", to: "S3", actor: "c", at: tick())
        _ = try queue.setPaused(true, window: "2", actor: "c", at: tick())
        for ticket in queue.waiting {
            let open = queue.openWindows(serving: ticket.serviceId)
            let expected = queue.waiting.prefix { $0.id != ticket.id }.filter { other in
                open.contains { $0.serves(other.serviceId) }
            }.count
            #expect(queue.estimate(for: ticket).ahead == expected, "\(ticket.number)")
        }
        #expect(queue.waitingByPrefix.values.reduce(0, +) == queue.waiting.count)
    }

    @Test("ticket ids are version-7 UUIDs that sort by issue time and differ within one millisecond")
    func ticketIds() {
        let early = Ticket.newId(at: Date(timeIntervalSince1970: 1_795_827_600))
        let later = Ticket.newId(at: Date(timeIntervalSince1970: 1_795_827_600.002))
        let twin = Ticket.newId(at: Date(timeIntervalSince1970: 1_795_827_600))
        #expect(early.count == 36 && UUID(uuidString: early) != nil)
        #expect(Array(early)[14] == "7")
        #expect(early < later)
        #expect(early != twin)
    }
}
