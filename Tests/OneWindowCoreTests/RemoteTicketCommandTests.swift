import Foundation
import Testing

@testable import OneWindowCore

/// 线上取号 through `HallQueue.apply`: a remote ticket is a real ticket, skipped by call-next
/// until its holder checks in at a kiosk, one a phone a day, only while its turn comes before
/// closing; "前面还有 N 人" is noted once, by the call that moved it.
@Suite("Remote ticket commands applied", .timeLimit(.minutes(2)))
struct RemoteTicketCommandTests {
    /// A Monday.
    static let day = "2026-12-14"

    static func at(_ time: String, day: String = day) -> Date { AppointmentRulesTests.at(day, time) }

    static func take(
        _ id: String, phone: String = "p1", code: String? = nil, closesAt: Date? = at("17:30"), nearAhead: Int = 3
    ) -> QueueCommand {
        .takeRemote(
            RemoteTicketOrder(
                ticketId: id, serviceId: "S1", phoneKey: phone, phoneSealed: Data(phone.utf8),
                checkInCode: code ?? "CODE\(id.uppercased())", closesAt: closesAt, nearAhead: nearAhead))
    }

    static func walkIn(_ id: String) -> QueueCommand {
        .issue(TicketOrder(id: id, serviceId: "S1", priority: false, caseId: nil))
    }

    static func called(_ applied: AppliedCommand) -> String? {
        guard case .success(.ticket(let ticket)) = applied.outcome else { return nil }
        return ticket.id
    }

    @Test("call-next skips a remote ticket until it is checked in, then calls it in its place")
    func skippedUntilCheckedIn() throws {
        var queue = HallQueue(catalogue: HallQueueTests.catalogue, day: Self.day)
        let taken = queue.apply(Self.take("r1"), by: "web", at: Self.at("09:00"))
        guard case .success(.ticket(let ticket)) = taken.outcome else {
            Issue.record("\(taken.outcome)")
            return
        }
        #expect(ticket.channel == .remote && ticket.status == .waiting && ticket.number == "C001")
        #expect(taken.changes.remoteTickets["r1"]?.checkedInAt == nil && taken.changes.remotePhones["r1"] != nil)
        _ = queue.apply(Self.walkIn("w1"), by: "kiosk-1", at: Self.at("09:01"))
        _ = queue.apply(Self.walkIn("w2"), by: "kiosk-1", at: Self.at("09:02"))
        #expect(queue.estimate(for: queue.tickets["w1"]!).ahead == 0, "an absent remote ticket holds no one up")
        #expect(Self.called(queue.apply(.callNext(window: "1"), by: "clerk", at: Self.at("09:03"))) == "w1")
        _ = queue.apply(
            .complete(ticket: "w1", window: "1", outcome: .completed, missingMaterials: [], note: nil),
            by: "clerk", at: Self.at("09:04"))
        let checkIn = queue.apply(
            .checkIn(CheckInOrder(code: "coder1", ticketId: "unused", priority: false)), by: "kiosk-1",
            at: Self.at("09:05"))
        guard case .success(.checkedIn(let result)) = checkIn.outcome else {
            Issue.record("\(checkIn.outcome)")
            return
        }
        #expect(result.arrival == .remote && result.booking == nil && result.ticket.id == "r1" && !result.repeated)
        #expect(queue.tickets["unused"] == nil && checkIn.changes.remoteTickets["r1"]?.checkedInAt != nil)
        // Taken before w2, so called before it now that its holder is here.
        #expect(Self.called(queue.apply(.callNext(window: "1"), by: "clerk", at: Self.at("09:06"))) == "r1")
        let again = queue.apply(
            .checkIn(CheckInOrder(code: "CODER1", ticketId: "unused", priority: false)), by: "kiosk-1",
            at: Self.at("09:07"))
        guard case .success(.checkedIn(let repeated)) = again.outcome else {
            Issue.record("\(again.outcome)")
            return
        }
        #expect(repeated.repeated && repeated.ticket.id == "r1")
    }

    @Test("a remote ticket never checked in is never called, and a restored queue still skips it")
    func neverCalledWhileAway() {
        var queue = HallQueue(catalogue: HallQueueTests.catalogue, day: Self.day)
        let taken = queue.apply(Self.take("r1"), by: "web", at: Self.at("09:00"))
        #expect(
            queue.apply(.callNext(window: "1"), by: "clerk", at: Self.at("09:01")).outcome == .success(.nothingWaiting))
        var restored = HallQueue(
            catalogue: HallQueueTests.catalogue, day: Self.day, tickets: Array(queue.tickets.values),
            remoteTickets: Array(taken.changes.remoteTickets.values))
        #expect(
            restored.apply(.callNext(window: "1"), by: "clerk", at: Self.at("09:02")).outcome
                == .success(.nothingWaiting))
        var checked = taken.changes.remoteTickets["r1"]!
        checked.checkedInAt = Self.at("09:01")
        var restoredIn = HallQueue(
            catalogue: HallQueueTests.catalogue, day: Self.day, tickets: Array(queue.tickets.values),
            remoteTickets: [checked])
        #expect(Self.called(restoredIn.apply(.callNext(window: "1"), by: "clerk", at: Self.at("09:02"))) == "r1")
    }

    @Test("one remote ticket per phone per hall day; another phone may take one")
    func onePerPhone() {
        var queue = HallQueue(catalogue: HallQueueTests.catalogue, day: Self.day)
        _ = queue.apply(Self.take("r1"), by: "web", at: Self.at("09:00"))
        let second = queue.apply(Self.take("r2"), by: "web", at: Self.at("09:10"))
        #expect(second.outcome == .failure(.remoteTicketTaken(number: "C001")))
        #expect(second.changes.tickets.isEmpty && queue.tickets["r2"] == nil && queue.remoteTickets["r2"] == nil)
        guard case .success = queue.apply(Self.take("r3", phone: "p2"), by: "web", at: Self.at("09:11")).outcome else {
            Issue.record("another phone was refused")
            return
        }
    }

    @Test("refused while the hall is closed: after closing, or on a weekend that is no working day")
    func hallClosed() {
        var queue = HallQueue(catalogue: HallQueueTests.catalogue, day: Self.day)
        #expect(
            queue.apply(Self.take("r1", closesAt: Self.at("17:30")), by: "web", at: Self.at("17:40")).outcome
                == .failure(.hallClosedNow))
        var saturday = HallQueue(catalogue: HallQueueTests.catalogue, day: "2026-12-12")
        #expect(
            saturday.apply(
                Self.take("r2", closesAt: Self.at("17:30", day: "2026-12-12")), by: "web",
                at: Self.at("10:00", day: "2026-12-12")
            ).outcome == .failure(.hallClosedNow))
        #expect(queue.tickets.isEmpty && saturday.tickets.isEmpty)
    }

    @Test("refused when the estimated turn comes after closing, saying the wait")
    func turnAfterClosing() throws {
        var queue = HallQueue(catalogue: HallQueueTests.catalogue, day: Self.day)
        for index in 1...5 { _ = queue.apply(Self.walkIn("w\(index)"), by: "kiosk-1", at: Self.at("17:00")) }
        let probe = Ticket(
            id: "", hallDay: Self.day, prefix: "", sequence: .max, serviceId: "S1", priority: false,
            issuedAt: Self.at("17:01"))
        let seconds = try #require(queue.estimate(for: probe).seconds)
        #expect(seconds > 60)
        let refused = queue.apply(
            Self.take("r1", closesAt: Self.at("17:01") + Double(seconds) - 1), by: "web", at: Self.at("17:01"))
        guard case .failure(.turnAfterClosing(let minutes)) = refused.outcome else {
            Issue.record("\(refused.outcome)")
            return
        }
        #expect(minutes == WaitMinutes.told(seconds: seconds, waiting: true))
        guard
            case .success = queue.apply(
                Self.take("r2", closesAt: Self.at("17:01") + Double(seconds) + 60), by: "web", at: Self.at("17:01")
            ).outcome
        else {
            Issue.record("a turn before closing was refused")
            return
        }
    }

    @Test("前面还有 N 人 is noted once, by the call that brought the place to N, never once called")
    func nearOnce() {
        var queue = HallQueue(catalogue: HallQueueTests.catalogue, day: Self.day)
        for index in 1...3 { _ = queue.apply(Self.walkIn("w\(index)"), by: "kiosk-1", at: Self.at("09:00")) }
        _ = queue.apply(Self.take("r1", nearAhead: 1), by: "web", at: Self.at("09:01"))
        _ = queue.apply(Self.walkIn("w4"), by: "kiosk-1", at: Self.at("09:02"))
        var notes: [[String: NearNotice]] = []
        for (index, minute) in ["09:03", "09:05", "09:07"].enumerated() {
            let call = queue.apply(.callNext(window: "1"), by: "clerk", at: Self.at(minute))
            #expect(Self.called(call) == "w\(index + 1)")
            notes.append(call.changes.remoteNear)
            _ = queue.apply(
                .complete(ticket: "w\(index + 1)", window: "1", outcome: .completed, missingMaterials: [], note: nil),
                by: "clerk", at: Self.at(minute) + 60)
        }
        #expect(notes[0].isEmpty, "2 ahead is more than 1")
        #expect(notes[1]["r1"]?.ahead == 1 && notes[1]["r1"]?.ticket.id == "r1")
        #expect(notes[2].isEmpty, "told once")
        #expect(queue.remoteTickets["r1"]?.nearSentAt == Self.at("09:05"))
    }

    @Test("a checked-in remote ticket missed at its calls is a no-show like any other; one never checked in expires")
    func noShowAndExpiry() throws {
        var queue = HallQueue(catalogue: HallQueueTests.catalogue, day: Self.day, noShowAfter: 0)
        _ = queue.apply(Self.take("r1"), by: "web", at: Self.at("09:00"))
        _ = queue.apply(Self.take("r2", phone: "p2"), by: "web", at: Self.at("09:01"))
        _ = queue.apply(
            .checkIn(CheckInOrder(code: "CODER1", ticketId: "unused", priority: false)), by: "kiosk-1",
            at: Self.at("09:02"))
        #expect(Self.called(queue.apply(.callNext(window: "1"), by: "clerk", at: Self.at("09:03"))) == "r1")
        for minute in ["09:04", "09:05"] {
            _ = queue.apply(.recall(window: "1"), by: "clerk", at: Self.at(minute))
        }
        let missed = queue.apply(.noShow(ticket: "r1", window: "1"), by: "clerk", at: Self.at("09:06"))
        #expect(missed.outcome.map { _ in queue.tickets["r1"]?.status } == .success(.noShow))
        #expect(
            queue.apply(.callNext(window: "1"), by: "clerk", at: Self.at("09:07")).outcome == .success(.nothingWaiting))
        let closed = queue.apply(.closeDay, by: "system", at: Self.at("17:30"))
        guard case .success(.expired(let expired)) = closed.outcome else {
            Issue.record("\(closed.outcome)")
            return
        }
        #expect(expired.map(\.id) == ["r2"] && queue.tickets["r2"]?.status == .expired)
    }
}
