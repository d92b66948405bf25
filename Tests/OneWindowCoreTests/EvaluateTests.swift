import Foundation
import Testing

@testable import OneWindowCore

/// `HallQueue.evaluate`: who may rate a visit, by which channel, and what a bad rating must say.
@Suite("Rating a visit in the queue", .timeLimit(.minutes(2)))
struct EvaluateTests {
    var queue = HallQueue(catalogue: HallQueueTests.catalogue, day: "2026-11-28")
    var clock = HallQueueTests.morning

    /// A ticket for `service`, called to `window` and completed there; its code's "hash" is
    /// `code-<ticket id>`, as `kioskHash` makes it.
    mutating func visit(_ id: String, service: String = "S1", window: String = "1") throws -> Ticket {
        clock += 60
        _ = try queue.issue(id: id, serviceId: service, priority: false, actor: "kiosk", at: clock)
        _ = queue.setEvaluationCode(hash: "code-" + id, ticket: id)
        _ = try queue.callNext(window: window, actor: "clerk", at: clock)
        let done = try queue.complete(
            ticket: id, window: window, outcome: .completed, missingMaterials: [], note: nil, actor: "clerk",
            at: clock)
        _ = queue.takeChanges()
        return done
    }

    static let rightCode = Rater.kiosk { "code-" + $0 }
    static let wrongCode = Rater.kiosk { "nope-" + $0 }

    mutating func rate(_ reference: String, _ rating: Int, reasons: [String] = [], by rater: Rater)
        throws(QueueError) -> Evaluation
    {
        try queue.evaluate(
            ticket: reference, rating: rating, reasons: reasons, comment: nil, by: rater,
            workingDays: queue.catalogue.hall.workingDays, actor: "device", at: clock)
    }

    @Test("a kiosk needs the code, checked before the visit's state; the right code rates once")
    mutating func kiosk() throws {
        let ticket = try visit("t1")
        #expect(throws: QueueError.evaluationCodeInvalid(ticket: "C001")) { try rate("C001", 5, by: Self.wrongCode) }
        #expect(queue.takeChanges().isEmpty)
        let rated = try rate("c001", 5, by: Self.rightCode)
        #expect(rated.channel == .kiosk && rated.ticketId == ticket.id)
        #expect(throws: QueueError.evaluationCodeInvalid(ticket: "C001")) { try rate("C001", 5, by: Self.wrongCode) }
        #expect(throws: QueueError.alreadyEvaluated("C001")) { try rate("C001", 5, by: Self.rightCode) }
    }

    @Test("a pad rates its own window's visits within 10 minutes; the phone only by the ticket's id")
    mutating func padAndPhone() throws {
        let atTwo = try visit("t1", service: "S3", window: "2")
        #expect(throws: QueueError.wrongWindow(ticket: "A001", window: "1")) {
            try rate("A001", 4, by: .pad(window: "1"))
        }
        #expect(try rate("A001", 4, by: .pad(window: "2")).channel == .pad)
        let late = try visit("t2")
        clock += 601
        #expect(throws: QueueError.evaluationTooLate(ticket: "C001", minutes: 10)) {
            try rate("C001", 4, by: .pad(window: "1"))
        }
        #expect(throws: QueueError.ticketNotFound("C001")) { try rate("C001", 4, by: .phone) }
        #expect(try rate(late.id, 4, by: .phone).channel == .phone)
        #expect(atTwo.window == "2")
    }

    @Test("a bad rating names a known reason, kept in the list's order; a good one keeps none")
    mutating func reasons() throws {
        _ = try visit("t1")
        _ = try visit("t2")
        #expect(throws: QueueError.reasonsRequired) { try rate("C001", 2, by: .phone) }
        #expect(throws: QueueError.unknownReason("rude")) { try rate("t1", 1, reasons: ["rude"], by: .phone) }
        #expect(throws: QueueError.ratingOutOfRange(0)) { try rate("t1", 0, reasons: ["other"], by: .phone) }
        #expect(queue.takeChanges().isEmpty)
        let bad = try rate("t1", 1, reasons: ["other", "attitude", "other"], by: .phone)
        #expect(bad.reasons == ["attitude", "other"] && bad.isBad)
        let event = queue.takeChanges().events.first
        let detail = EventDetail.parse(event?.detail)
        #expect(detail.channel == "phone" && detail.reasons == ["attitude", "other"] && detail.rating == 1)
        #expect(try rate("t2", 4, reasons: ["process"], by: .phone).reasons.isEmpty)
        #expect(
            EvaluationReason.all.map(\.id) == [
                "attitude", "efficiency", "one_time_notice", "process", "environment", "other",
            ])
    }
}
