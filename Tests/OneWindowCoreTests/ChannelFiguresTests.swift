import Foundation
import Testing

@testable import OneWindowCore

/// Figures by ticket channel (walk-in, appointment, remote): folded from the `issued` events'
/// channel and kept in the day rollups (version 2), which still read days stored as version 1.
@Suite("Figures by channel", .timeLimit(.minutes(2)))
struct ChannelFiguresTests {
    static let start = Date(timeIntervalSince1970: 1_796_000_000)

    static func event(_ kind: QueueEvent.Kind, _ ticket: String, at seconds: Double, detail: String? = nil)
        -> QueueEvent
    {
        QueueEvent(
            kind: kind, ticketId: ticket, window: "1", serviceId: "S1", hallDay: "2026-12-14", actor: "t",
            at: start + seconds, detail: detail)
    }

    @Test("tickets and waits count under their channel; a ticket without one is a walk-in")
    func fold() {
        var book = MetricsBook()
        let events = [
            Self.event(.issued, "w1", at: 0, detail: EventDetail.openedJSON),
            Self.event(.issued, "a1", at: 60, detail: #"{"channel":"appointment","opened":true}"#),
            Self.event(.issued, "a2", at: 70, detail: #"{"channel":"appointment"}"#),
            Self.event(.called, "a1", at: 120),
            Self.event(.called, "w1", at: 600),
            Self.event(.recalled, "w1", at: 700),
        ]
        for (index, event) in events.enumerated() { book.apply(id: Int64(index + 1), event) }
        let stats = book.days["2026-12-14"]?["S1"] ?? DayStats()
        #expect(stats.channelIssued == ["walk_in": 1, "appointment": 2])
        #expect(stats.channelWaits == ["appointment": [60: 1], "walk_in": [600: 1]])
        let metrics = HallMetrics(stats, open: 0, badReviews: BadReviewCounts.Count())
        #expect(metrics.channels["appointment"]?.ticketsIssued == 2)
        #expect(metrics.channels["appointment"]?.waitSeconds.median == 60)
        #expect(metrics.channels["walk_in"]?.waitSeconds.count == 1)
        #expect(
            metrics.channels["remote"] == HallMetrics.ChannelFigures(ticketsIssued: 0, waitSeconds: Distribution([:])))
    }

    @Test("the channels' figures come back from a rollup; a version 1 rollup reads with none")
    func rollup() throws {
        var stats = DayStats()
        stats.ticketsIssued = 3
        stats.waits = [60: 1, 600: 1]
        stats.channelIssued = ["walk_in": 1, "appointment": 2]
        stats.channelWaits = ["appointment": [60: 1], "walk_in": [600: 1]]
        let bytes = stats.rollup()
        #expect(bytes.first == 4, "version 2, zigzag-encoded")
        #expect(try DayStats(rollup: bytes) == stats)
        var sum = DayStats()
        sum.add(try DayStats(rollup: bytes))
        sum.add(try DayStats(rollup: bytes))
        #expect(sum.channelIssued == ["walk_in": 2, "appointment": 4])
        #expect(sum.channelWaits["appointment"] == [60: 2])
        // Version 1: the same bytes without the channels' section (two empty maps).
        var plain = stats
        plain.channelIssued = [:]
        plain.channelWaits = [:]
        var old = Array(plain.rollup().dropLast(2))
        old[0] = 2
        #expect(try DayStats(rollup: old) == plain)
        #expect(try StoredDay(rollup: old).stats == plain)
        #expect(try StoredDay(rollup: bytes).stats == stats)
        // Both new sections: ticket channels (always, version 2) and the ratings by channel
        // (trailing, only with ratings); and a version 1 day with ratings (main before channels).
        var rated = stats
        rated.ratings = [5: 1]
        rated.channelRatings = ["pad": [5: 1]]
        #expect(try DayStats(rollup: rated.rollup()) == rated)
        #expect(try StoredDay(rollup: rated.rollup()).stats == rated)
        plain.ratings = [5: 1]
        plain.channelRatings = ["pad": [5: 1]]
        var oldRated = plain.rollup()
        var unrated = plain
        unrated.channelRatings = [:]
        let section = unrated.rollup().count - 2  // where the (empty) ticket-channel section starts
        oldRated.removeSubrange(section..<(section + 2))
        oldRated[0] = 2
        #expect(try DayStats(rollup: oldRated) == plain)
    }
}
