import Foundation
import Testing

@testable import OneWindowCore

/// The rollups' compact form and the day arithmetic sums rely on.
@Suite("Rollup coding", .timeLimit(.minutes(1)))
struct RollupCodingTests {
    @Test("day numbers agree with the calendar over ten years, and only dates are days")
    func dayNumbers() throws {
        let start = try #require(WorkingDays.date("2020-01-01"))
        let first = try #require(DayNumber.of("2020-01-01"))
        for offset in 0..<3_700 {
            let text = WorkingDays.text(start.addingTimeInterval(Double(offset) * 86_400))
            #expect(DayNumber.of(text) == first + offset, "\(text)")
            #expect(DayNumber.text(first + offset) == text)
        }
        for bad in ["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "2026/01/01", "", "d1", "２０２６-01-01"] {
            #expect(DayNumber.of(bad) == nil, "\(bad)")
        }
    }

    @Test("a day's figures come back from their rollup exactly, and broken bytes are refused")
    func roundTrip() throws {
        var stats = DayStats()
        stats.ticketsIssued = 7
        stats.waits = [0: 2, 59: 1, 86_400 * 3: 1]
        stats.services = [300: 4]
        stats.missed = ["m1": 2, "材料": 1]
        stats.ratings = [1: 1, 5: 3]
        var change = CohortChange()
        change.closedLater = 2
        change.daysToClose = [3: 2]
        stats.cohortChanges = ["2026-11-02": change, "not-a-day": change]
        let bytes = stats.rollup()
        #expect(try DayStats(rollup: bytes) == stats)
        #expect(try StoredDay(rollup: bytes).stats == stats)
        #expect(throws: RollupReader.Malformed.self) { try DayStats(rollup: Array(bytes.dropLast())) }
        #expect(throws: RollupReader.Malformed.self) { try StoredDay(rollup: bytes + [0]) }
    }

    @Test("ratings by channel come back from a rollup, and a rollup written before them still reads")
    func channelRatings() throws {
        var stats = DayStats()
        stats.ratings = [2: 1, 5: 3]
        stats.channelRatings = ["pad": [5: 2], "phone": [2: 1], "kiosk": [5: 1]]
        let bytes = stats.rollup()
        #expect(try DayStats(rollup: bytes) == stats)
        #expect(try StoredDay(rollup: bytes).stats == stats)
        var sum = DayStats()
        sum.add(try DayStats(rollup: bytes))
        sum.add(try DayStats(rollup: bytes))
        #expect(sum.channelRatings == ["pad": [5: 4], "phone": [2: 2], "kiosk": [5: 2]])
        // Before ratings by channel the bytes ended after the cohort changes.
        var older = stats
        older.channelRatings = [:]
        let olderBytes = older.rollup()
        #expect(bytes.starts(with: olderBytes) && bytes.count > olderBytes.count)
        #expect(try DayStats(rollup: olderBytes) == older)
        #expect(throws: RollupReader.Malformed.self) { try StoredDay(rollup: Array(bytes.dropLast())) }
    }
}
