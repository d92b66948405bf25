import Testing

@testable import OneWindowCore

/// A range read as the difference of two cumulative sums gives exactly the range's sum: every
/// field of a day's figures subtracts, `(a + b) − b == a`, on random days (seeded, so a failure
/// repeats), through each form a sum is built in.
@Suite("Day figures subtract", .timeLimit(.minutes(1)))
struct DayStatsDifferenceTests {
    /// A random day of one service: every field filled some of the time, seconds beyond a day
    /// and below zero, cohort changes of real days (numbered slots) and of one that is not a date.
    static func day(_ random: inout SeededGenerator) -> DayStats {
        func below(_ limit: Int) -> Int { Int(random.next() % UInt64(limit)) }
        func histogram(_ keys: Int, _ range: Int, offset: Int = 0) -> [Int: Int] {
            var values: [Int: Int] = [:]
            for _ in 0..<below(keys) { values[below(range) + offset, default: 0] += below(4) + 1 }
            return values
        }
        func counts(_ names: [String]) -> [String: Int] {
            var values: [String: Int] = [:]
            for name in names where below(2) == 0 { values[name] = below(9) + 1 }
            return values
        }
        var stats = DayStats()
        stats.ticketsIssued = below(500)
        stats.visitsServed = below(400)
        stats.noShows = below(30)
        stats.expired = below(10)
        stats.casesOpened = below(90)
        stats.casesClosed = below(80)
        stats.casesCancelled = below(5)
        stats.firstVisits = below(70)
        stats.firstVisitResolved = below(60)
        stats.oneVisitCases = below(50)
        stats.withinPromiseCases = below(50)
        stats.closedCaseVisits = below(120)
        stats.waits = histogram(300, 7_200)
        if below(3) == 0 { stats.waits[86_400 + below(5_000), default: 0] += 1 }
        if below(5) == 0 { stats.waits[-1 - below(3), default: 0] += 1 }
        stats.services = histogram(200, 3_600)
        stats.firstVisitDaysToClose = histogram(6, 30)
        stats.ratings = histogram(5, 5, offset: 1)
        stats.missed = counts(["id-card", "photo", "form-a", "proof"])
        stats.firstVisitMissed = counts(["id-card", "photo", "form-a"])
        stats.channelIssued = counts(["walk_in", "appointment", "remote"])
        for channel in ["walk_in", "appointment", "remote"] where below(2) == 0 {
            stats.channelWaits[channel] = histogram(100, 7_200).filter { $0.value > 0 }
            if stats.channelWaits[channel]?.isEmpty == true { stats.channelWaits[channel] = nil }
        }
        for channel in ["pad", "phone", "unknown"] where below(3) == 0 {
            stats.channelRatings[channel] = [below(5) + 1: below(7) + 1]
        }
        for _ in 0..<below(6) {
            let cohort = below(7) == 0 ? "legacy-day" : DayNumber.text(DayNumber.of("2026-01-01")! + below(90))
            var change = CohortChange()
            change.closedLater = below(5) + 1
            change.cancelled = below(3)
            change.daysToClose = histogram(4, 40).isEmpty ? [3: 1] : histogram(4, 40)
            stats.cohortChanges[cohort, default: CohortChange()].add(change)
        }
        return stats
    }

    @Test("a day's figures plus another's, minus the other's, are the first, field by field")
    func dayStats() {
        var random = SeededGenerator(14)
        for round in 0..<300 {
            let (a, b) = (Self.day(&random), Self.day(&random))
            var sum = a
            sum.add(b)
            #expect(sum != a || b == DayStats(), "round \(round): adding changed nothing")
            sum.subtract(b)
            #expect(sum == a, "round \(round)")
            var nothing = b
            nothing.subtract(b)
            #expect(nothing == DayStats(), "round \(round)")
        }
    }

    @Test("a sum of days' rollups minus one of them is the sum of the others, cohort slots included")
    func rollupSums() throws {
        var random = SeededGenerator(2026)
        let (from, to) = ("2026-01-15", "2026-03-10")
        for round in 0..<60 {
            let days = (0..<4).map { _ in Self.day(&random) }
            var all = DayStatsSum()
            for day in days { try all.add(rollup: day.rollup(), cohortsFrom: from, to: to) }
            var expected = DayStatsSum()
            for day in days.dropLast() { try expected.add(rollup: day.rollup(), cohortsFrom: from, to: to) }
            try all.subtract(rollup: days[3].rollup(), cohortsFrom: from, to: to)
            #expect(all.total == expected.total, "round \(round): \(all.total.differences(expected.total))")
            #expect(Distribution(all.waits) == Distribution(expected.waits), "round \(round)")
            // A sum built from `DayStats` (cohorts in `stats`) minus one built from bytes (slots).
            var mixed = DayStatsSum()
            for day in days { mixed.add(day, cohortsFrom: from, to: to) }
            var last = DayStatsSum()
            try last.add(rollup: days[3].rollup(), cohortsFrom: from, to: to)
            #expect((mixed - last).total == expected.total, "round \(round): mixed forms")
        }
    }

    @Test("seconds histograms subtract to the second, wherever their pages lie")
    func histograms() {
        var random = SeededGenerator(7)
        for round in 0..<100 {
            let (x, y) = (Self.day(&random).waits, Self.day(&random).waits)
            var sum = SecondsHistogram(y)
            sum.add(x)
            sum.subtract(SecondsHistogram(y))
            #expect(sum == SecondsHistogram(x), "round \(round)")
            #expect(sum.histogram == x, "round \(round)")
            #expect(Distribution(sum) == Distribution(x), "round \(round)")
            if !y.isEmpty { #expect(SecondsHistogram(y) != SecondsHistogram(x.merging(y, uniquingKeysWith: +))) }
        }
        #expect(SecondsHistogram([5: 1, 300: 2]) == SecondsHistogram([300: 2, 5: 1]))
        #expect(SecondsHistogram([5: 1]) != SecondsHistogram([5: 2]))
    }

    @Test("a range from two cumulative sums is the range's own sum, whatever the range")
    func prefixRanges() throws {
        var random = SeededGenerator(365)
        let days = (0..<40).map { _ in Self.day(&random) }
        var prefixes = [DayStats()]
        for day in days {
            var next = prefixes.last!
            next.add(day)
            prefixes.append(next)
        }
        for _ in 0..<60 {
            let first = Int(random.next() % 40)
            let last = first + Int(random.next() % UInt64(40 - first))
            var direct = DayStats()
            for day in days[first...last] { direct.add(day) }
            var difference = prefixes[last + 1]
            difference.subtract(prefixes[first])
            #expect(difference == direct, "days \(first)…\(last)")
        }
    }
}

extension DayStats {
    /// The names of the fields that differ (a failure's message).
    func differences(_ other: DayStats) -> [String] {
        let mine = Mirror(reflecting: self).children.map { ($0.label ?? "", "\($0.value)") }
        let theirs = Mirror(reflecting: other).children.map { "\($0.value)" }
        return zip(mine, theirs).filter { $0.0.1 != $0.1 }.map(\.0.0)
    }
}
