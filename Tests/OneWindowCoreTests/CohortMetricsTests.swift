import Foundation
import OneWindowCore
import Testing

/// The first-visit and cohort figures of the metrics fold, on a scripted log worked out by hand.
///
/// Friday 2026-11-27 (D1), service S2: case 1 closed at its first visit; case 2 needs_more, then
/// closed at a second visit on Monday 2026-11-30 (D2); case 3 needs_more and still open; case 4
/// needs_more, then cancelled on D2. Service S3: case 5's first ticket is a no-show on D1, and its
/// return on D2 is accepted (its first visit, on D2). Waits (issue to first call): 100, 190, 280,
/// 370 s for cases 1–4 and 460 s for case 5's no-show, 60 s for its return.
@Suite("Metrics: first visits and cohorts", .timeLimit(.minutes(2)))
struct CohortMetricsTests {
    static let d1 = "2026-11-27"
    static let d2 = "2026-11-30"
    static let start = Date(timeIntervalSince1970: 1_795_741_200)

    /// The log, D1's events then D2's, each as (kind, ticket, service, case, day, seconds, detail).
    static func log() -> (d1: [QueueEvent], d2: [QueueEvent]) {
        func event(
            _ kind: QueueEvent.Kind, _ ticket: String?, _ service: String, _ number: Int, _ day: String,
            _ seconds: Double, _ detail: EventDetail? = nil
        ) -> QueueEvent {
            QueueEvent(
                kind: kind, ticketId: ticket, window: "1", serviceId: service, caseId: "C20261127-000\(number)",
                hallDay: day, actor: "test", at: start.addingTimeInterval(seconds), detail: detail?.json)
        }
        let opened = EventDetail(opened: true)
        var d1: [QueueEvent] = []
        for number in 1...4 {
            let ticket = "t\(number)"
            let issued = Double(number - 1) * 10
            d1 += [
                event(.issued, ticket, "S2", number, Self.d1, issued, opened),
                event(.called, ticket, "S2", number, Self.d1, issued + Double(number) * 100 - Double(number - 1) * 10),
                event(.recalled, ticket, "S2", number, Self.d1, 1000),
            ]
            if number == 1 {
                d1.append(event(.completed, ticket, "S2", 1, Self.d1, 1100, EventDetail(outcome: "completed")))
                d1.append(event(.caseClosed, nil, "S2", 1, Self.d1, 1100, EventDetail(outcome: "completed", visits: 1)))
            } else {
                d1.append(
                    event(
                        .completed, ticket, "S2", number, Self.d1, 1100,
                        EventDetail(outcome: "needs_more", missing: ["m2"])))
            }
        }
        d1 += [
            event(.issued, "t5", "S3", 5, Self.d1, 40, opened),
            event(.called, "t5", "S3", 5, Self.d1, 500),
            event(.noShow, "t5", "S3", 5, Self.d1, 700),
        ]
        let d2 = [
            event(.issued, "t6", "S2", 2, Self.d2, 259_200),
            event(.called, "t6", "S2", 2, Self.d2, 259_300),
            event(.completed, "t6", "S2", 2, Self.d2, 259_500, EventDetail(outcome: "completed")),
            event(.caseClosed, nil, "S2", 2, Self.d2, 259_500, EventDetail(outcome: "completed", visits: 2)),
            event(.caseCancelled, nil, "S2", 4, Self.d2, 259_600, EventDetail(reason: "撤回")),
            event(.issued, "t7", "S3", 5, Self.d2, 259_700),
            event(.called, "t7", "S3", 5, Self.d2, 259_760),
            event(.completed, "t7", "S3", 5, Self.d2, 259_900, EventDetail(outcome: "accepted")),
            event(.caseClosed, nil, "S3", 5, Self.d2, 259_900, EventDetail(outcome: "accepted", visits: 1)),
        ]
        return (d1, d2)
    }

    static func fold(_ events: [QueueEvent], into book: inout MetricsBook) -> [MetricsBook.Timing] {
        events.compactMap { book.apply(id: book.lastEventId + 1, $0) }
    }

    static let catalogue = HallQueueTests.catalogue

    @Test("the first day's cohort counts a later close and a later cancellation, and its own figures never change")
    func cohortFollowedToTheLastEvent() {
        let (d1, d2) = Self.log()
        var book = MetricsBook()
        _ = Self.fold(d1, into: &book)
        let firstDay = book.days[Self.d1]
        var m = book.report(from: Self.d1, to: Self.d1, serviceId: nil, catalogue: Self.catalogue, today: Self.d1)
            .metrics
        #expect(m.firstVisits == 4 && m.firstVisitResolved == 1 && m.firstVisitResolutionRate == 0.25)
        #expect(m.cohort.opened == 4 && m.cohort.closedAtFirstVisit == 1 && m.cohort.open == 3)
        #expect(m.cohort.oneVisitRate == 0.25 && m.cohort.medianDaysToClose == 0)
        // The old rate counted case 1 alone: 100 % with three cases open.
        #expect(m.closedCasesOneVisitRate == 1)

        _ = Self.fold(d2, into: &book)
        #expect(book.days[Self.d1] == firstDay, "a day's own figures stay as they were when it ended")
        m = book.report(from: Self.d1, to: Self.d1, serviceId: nil, catalogue: Self.catalogue, today: Self.d2).metrics
        #expect(m.firstVisits == 4 && m.firstVisitResolved == 1 && m.firstVisitResolutionRate == 0.25)
        let expected = (4, 1, 1, 1, 1)  // opened, closed at first visit, closed later, open, cancelled
        #expect(
            (m.cohort.opened, m.cohort.closedAtFirstVisit, m.cohort.closedLater, m.cohort.open, m.cohort.cancelled)
                == expected)
        #expect(m.cohort.oneVisitRate == 0.3333, "1 closed at first visit over 4 − 1 cancelled")
        #expect(m.cohort.medianDaysToClose == 0, "0 and 3 days: the nearest-rank median is 0")
    }

    @Test("a case whose first ticket was a no-show joins the cohort of the day its first visit ends")
    func noShowFirstTicket() {
        let (d1, d2) = Self.log()
        var book = MetricsBook()
        _ = Self.fold(d1 + d2, into: &book)
        let report = book.report(from: Self.d2, to: Self.d2, serviceId: "S3", catalogue: Self.catalogue, today: Self.d2)
        let m = report.metrics
        #expect(m.firstVisits == 1 && m.firstVisitResolved == 1 && m.cohort.oneVisitRate == 1)
        #expect(m.cohort.medianDaysToClose == 3, "opened Friday, closed Monday")
        let d1S3 = book.report(from: Self.d1, to: Self.d1, serviceId: "S3", catalogue: Self.catalogue, today: Self.d2)
        #expect(d1S3.metrics.firstVisits == 0 && d1S3.metrics.cohort.oneVisitRate == nil)
        #expect(d1S3.metrics.noShows == 1 && d1S3.metrics.waitSeconds.mean == 460, "the no-show's wait counts")

        let both = book.report(from: Self.d1, to: Self.d2, serviceId: nil, catalogue: Self.catalogue, today: Self.d2)
        let all = both.metrics
        #expect(all.firstVisits == 5 && all.firstVisitResolved == 2 && all.firstVisitResolutionRate == 0.4)
        #expect(all.cohort.closedLater == 1 && all.cohort.open == 1 && all.cohort.cancelled == 1)
        #expect(all.cohort.oneVisitRate == 0.5 && all.cohort.medianDaysToClose == 3, "0, 3, 3 days")
        #expect(all.closedCasesOneVisitRate == 0.6667, "cases 1 and 5 of the 3 closed")
        let s2 = both.services.first { $0.serviceId == "S2" }?.metrics
        #expect(s2?.cohort.opened == 4 && s2?.cohort.closedLater == 1 && s2?.cohort.oneVisitRate == 0.3333)
    }

    @Test("the wait counts at every ticket's first call, no-shows included, and the fold reports what it counted")
    func waitsAtFirstCall() {
        let (d1, d2) = Self.log()
        var book = MetricsBook()
        let timings = Self.fold(d1 + d2, into: &book)
        let waits = timings.filter { $0.kind == .wait }.map(\.seconds)
        #expect(waits == [100, 190, 280, 370, 460, 100, 60], "recalls add no wait; a return visit is a new ticket")
        let services = timings.filter { $0.kind == .service }.map(\.seconds)
        #expect(services == [100, 100, 100, 100, 200, 140], "last call to completion")
        let m = book.report(from: Self.d1, to: Self.d2, serviceId: nil, catalogue: Self.catalogue, today: Self.d2)
        #expect(m.metrics.waitSeconds.median == 190 && m.metrics.waitSeconds.p90 == 460)
        #expect(m.metrics.visitsServed == 6)
    }

    @Test("replaying the log changes nothing: events already folded are skipped")
    func replay() {
        let (d1, d2) = Self.log()
        var book = MetricsBook()
        for (index, event) in (d1 + d2).enumerated() { book.apply(id: Int64(index + 1), event) }
        let once = book.report(from: Self.d1, to: Self.d2, serviceId: nil, catalogue: Self.catalogue, today: Self.d2)
        for (index, event) in (d1 + d2).enumerated() { book.apply(id: Int64(index + 1), event) }
        let twice = book.report(from: Self.d1, to: Self.d2, serviceId: nil, catalogue: Self.catalogue, today: Self.d2)
        #expect(once == twice)
    }
}
