import Foundation
import OneWindowCore
import Testing

/// `HallQueue.apply`: every command through the one switch, with the events it returns; no I/O.
@Suite("Queue commands applied", .timeLimit(.minutes(2)))
struct QueueCommandTests {
    /// No-shows allowed after one call and no wait, so the whole path fits a test.
    var queue = HallQueue(
        catalogue: HallQueueTests.catalogue, day: "2026-11-28", callsBeforeNoShow: 1, noShowAfter: 0)
    var clock = HallQueueTests.morning

    /// Applies `command` a minute after the last one.
    mutating func apply(_ command: QueueCommand, by actor: String = "device", stored: StoredRecords = StoredRecords())
        -> AppliedCommand
    {
        clock += 60
        return queue.apply(command, by: actor, at: clock, stored: stored)
    }

    static func order(_ id: String, _ service: String? = "S1", caseId: String? = nil) -> TicketOrder {
        TicketOrder(id: id, serviceId: service, priority: false, caseId: caseId)
    }

    func ticket(_ applied: AppliedCommand) throws -> Ticket {
        guard case .success(.ticket(let ticket)) = applied.outcome else { throw Unexpected(applied.outcome) }
        return ticket
    }

    struct Unexpected: Error {
        var outcome: Result<QueueOutcome, QueueError>
        init(_ outcome: Result<QueueOutcome, QueueError>) { self.outcome = outcome }
    }

    @Test("a ticket's whole day, command by command: each returns its events, with the actor that sent it")
    mutating func ticketPath() throws {
        let issued = apply(.issue(Self.order("t1")), by: "kiosk-1")
        #expect(issued.events.map(\.kind) == [.issued])
        #expect(issued.events.first?.actor == "kiosk-1")
        #expect(try ticket(issued).number == "C001")
        #expect(issued.changes.tickets["t1"]?.status == .waiting)
        #expect(apply(.issue(Self.order("t2"))).events.map(\.kind) == [.issued])

        let called = apply(.callNext(window: "1"), by: "window-1")
        #expect(called.events.map(\.kind) == [.called] && called.events.first?.actor == "window-1")
        #expect(called.changes.windows["1"]?.currentTicketId == "t1")
        #expect(apply(.recall(window: "1")).events.map(\.kind) == [.recalled])
        let moved = apply(.transfer(ticket: "t1", window: "1", to: "S2"))
        #expect(moved.events.map(\.kind) == [.transferred] && moved.changes.windows["1"]?.currentTicketId == nil)
        #expect(try ticket(moved).serviceId == "S2")

        _ = apply(.callNext(window: "1"))
        #expect(apply(.noShow(ticket: "t1", window: "1")).events.map(\.kind) == [.noShow])
        _ = apply(.callNext(window: "1"))
        let done = apply(.complete(ticket: "t2", window: "1", outcome: .completed, missingMaterials: [], note: nil))
        #expect(done.events.map(\.kind) == [.completed, .caseClosed])
        #expect(done.changes.cases[try ticket(done).caseId ?? ""]?.state == .closed)

        let nothing = apply(.callNext(window: "1"))
        #expect(nothing.outcome == .success(.nothingWaiting) && nothing.changes.isEmpty)
    }

    @Test("pausing, pausing again, resuming and closing the day")
    mutating func windowsAndDay() throws {
        let paused = apply(.pause(window: "1", paused: true))
        #expect(paused.events.map(\.kind) == [.paused])
        guard case .success(.window(let state)) = paused.outcome else { throw Unexpected(paused.outcome) }
        #expect(state.paused)
        #expect(apply(.pause(window: "1", paused: true)).events.isEmpty)
        #expect(apply(.pause(window: "1", paused: false)).events.map(\.kind) == [.resumed])
        _ = apply(.issue(Self.order("t1")))
        let closed = apply(.closeDay, by: "admin")
        #expect(closed.events.map(\.kind) == [.expired] && closed.events.first?.actor == "admin")
        guard case .success(.expired(let expired)) = closed.outcome else { throw Unexpected(closed.outcome) }
        #expect(expired.map(\.id) == ["t1"])
    }

    @Test("a refused command returns its error, and only what the day's roll-over changed before it")
    mutating func refusedAfterRollOver() throws {
        _ = apply(.issue(Self.order("t1")))
        clock += 86_400
        let refused = apply(.recall(window: "1"))
        #expect(refused.outcome == .failure(.noCurrentTicket(window: "1")))
        #expect(refused.events.map(\.kind) == [.expired])
        #expect(queue.day == "2026-11-29")
        #expect(apply(.rollOver).changes.isEmpty)
        #expect(apply(.recall(window: "9")).outcome == .failure(.windowNotFound("9")))
    }

    @Test("cases and reviews: what the command names is taken from the stored records the caller read")
    mutating func storedRecords() throws {
        let old = CaseRecord(id: "C20261101-0001", serviceId: "S1", openedAt: clock - 86_400 * 27, visits: 1)
        let back = apply(.issue(Self.order("t1", nil, caseId: old.id)), stored: StoredRecords(caseRecord: old))
        #expect(try ticket(back).caseId == old.id && back.changes.cases[old.id]?.ticketIds == ["t1"])
        #expect(
            apply(.cancelCase("C20261101-0002", reason: "撤回")).outcome == .failure(.caseNotFound("C20261101-0002")))
        let other = CaseRecord(id: "C20261102-0001", serviceId: "S2", openedAt: clock - 86_400 * 26)
        let cancelled = apply(.cancelCase(other.id, reason: " 申请人撤回 "), stored: StoredRecords(caseRecord: other))
        #expect(cancelled.events.map(\.kind) == [.caseCancelled])
        #expect(cancelled.changes.cases[other.id]?.cancelReason == "申请人撤回")

        _ = apply(.callNext(window: "1"))
        _ = apply(.complete(ticket: "t1", window: "1", outcome: .completed, missingMaterials: [], note: nil))
        let rating = Rating(reference: "t1", rating: 1, reasons: ["attitude"], comment: "太慢", by: .phone)
        let rated = apply(.evaluate(rating), by: "phone")
        #expect(rated.events.map(\.kind) == [.evaluated])
        guard case .success(.evaluation(let evaluation)) = rated.outcome else { throw Unexpected(rated.outcome) }
        #expect(evaluation.rectifyBy != nil && rated.changes.evaluations[evaluation.id] == evaluation)
        #expect(apply(.evaluate(rating)).outcome == .failure(.alreadyEvaluated("C001")))

        let step = QueueCommand.followUp(evaluation: evaluation.id, step: .rectified("已培训"))
        #expect(apply(step).outcome == .failure(.evaluationNotFound(evaluation.id)))
        let rectified = apply(step, by: "admin", stored: StoredRecords(evaluation: evaluation))
        #expect(rectified.events.map(\.kind) == [.rectified])
        #expect(rectified.changes.evaluations[evaluation.id]?.rectification == "已培训")
    }

    @Test("an issue keeps its code's hash with the ticket; a renewal replaces it until the visit is rated")
    mutating func evaluationCodes() throws {
        let seal = EvaluationCodeSeal(code: "123456", ticketId: "t1") { code, id in "\(id):\(code)" }
        let issued = apply(.issue(TicketOrder(id: "t1", serviceId: "S1", priority: false, caseId: nil, code: seal)))
        #expect(try ticket(issued).evaluationCodeHash == "t1:123456")
        #expect(issued.changes.tickets["t1"]?.evaluationCodeHash == "t1:123456")
        let again = EvaluationCodeSeal(code: "654321", ticketId: "t9") { code, id in "\(id):\(code)" }
        let renewed = apply(.renewEvaluationCode(ticket: "t1", code: again))
        #expect(try ticket(renewed).evaluationCodeHash == "t1:654321")
        #expect(renewed.changes.evaluationCodes == ["t1": "t1:654321"] && renewed.events.isEmpty)
        #expect(apply(.renewEvaluationCode(ticket: "t404", code: again)).outcome == .success(.done))
    }
}
