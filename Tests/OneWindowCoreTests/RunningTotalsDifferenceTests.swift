import Testing

@testable import OneWindowCore

/// A range read as two running totals side by side (`DayStatsSum.add(rollup:minus:…)`, each byte
/// read once) gives what adding the one and taking the other away gives, to the last field, on
/// random rollups (seeded, so a failure repeats); broken bytes are refused where the check
/// before it (`StoredDay`) refuses them, and never trap.
@Suite("Running totals read side by side", .timeLimit(.minutes(1)))
struct RunningTotalsDifferenceTests {
    /// Both ways, into a sum that may already hold a day (`start`).
    static func both(
        _ through: [UInt8], _ before: [UInt8], start: DayStats?, folds: Bool, from: String, to: String
    ) throws -> (old: DayStatsSum, new: DayStatsSum) {
        var old = DayStatsSum()
        old.foldsCohorts = folds
        if let start { try old.add(rollup: start.rollup(), cohortsFrom: from, to: to) }
        var new = old
        try old.add(rollup: through, cohortsFrom: from, to: to)
        try old.subtract(rollup: before, cohortsFrom: from, to: to)
        try new.add(rollup: through, minus: before, cohortsFrom: from, to: to)
        return (old, new)
    }

    @Test("two running totals read side by side equal the one added and the other taken away, field by field")
    func equalsAddThenSubtract() throws {
        var random = SeededGenerator(1_7)
        let ranges = [("2026-01-15", "2026-03-10"), ("2026-01-01", "2026-12-31"), ("", "\u{10FFFF}")]
        for round in 0..<80 {
            let days = (0..<3).map { _ in DayStatsDifferenceTests.day(&random) }
            var through = days[0]
            through.add(days[1])
            // Mostly a real earlier total (a part of `through`), sometimes any other day:
            // then counts go below zero and keys appear only in the part taken away.
            let before = random.next() % 4 == 0 ? days[2] : days[1]
            let start = random.next() % 3 == 0 ? DayStatsDifferenceTests.day(&random) : nil
            let (from, to) = ranges[Int(random.next() % UInt64(ranges.count))]
            for folds in [false, true] {
                let (old, new) = try Self.both(
                    through.rollup(), before.rollup(), start: start, folds: folds, from: from, to: to)
                let context = "round \(round), folds \(folds), \(from)…\(to)"
                #expect(new.total == old.total, "\(context): \(new.total.differences(old.total))")
                #expect(new.stats == old.stats, "\(context): the dictionaries, zero keys included")
                #expect(new.rangeSum.total == old.rangeSum.total, "\(context): the range's sum")
                #expect(new.isEmpty == old.isEmpty, "\(context)")
                #expect(Set(new.channelWaits.keys) == Set(old.channelWaits.keys), "\(context): channels")
                #expect(Distribution(new.waits) == Distribution(old.waits), "\(context)")
            }
        }
    }

    @Test("a range sum of running totals' bytes equals the one of checked days, and so does its report")
    func rangeSumsEqual() throws {
        var random = SeededGenerator(2_026)
        let (from, to) = (RangeSumsReportTests.from, RangeSumsReportTests.to)
        for round in 0..<60 {
            var services: [String: RangeSumsReportTests.Service] = [:]
            for index in 0..<Int(random.next() % 6) { services["s\(index)"] = RangeSumsReportTests.service(&random) }
            let checked = RangeSumsReportTests.rangeSum(services)
            var read = RollupRangeSum(from: from, to: to)
            for (serviceId, service) in services {
                try read.add(through: service.through.rollup(), before: service.before?.rollup(), serviceId: serviceId)
                if let cohorts = service.cohortsThrough {
                    try read.addCohorts(rollup: cohorts.rollup(), serviceId: serviceId)
                }
                if let cohorts = service.cohortsBefore {
                    try read.addCohorts(rollup: cohorts.rollup(), serviceId: serviceId, subtracting: true)
                }
            }
            #expect(read.totals == checked.totals, "round \(round)")
            #expect(read.serviceIds == checked.serviceIds, "round \(round)")
            func report(_ sums: RollupRangeSum) -> MetricsReport {
                MetricsReport(sums: sums, serviceId: nil, open: [:], badReviews: .init(), catalogue: nil)
            }
            #expect(report(read) == report(checked), "round \(round)")
            // Folded once (`settle`, as the city's halls are), alone and added into a city.
            var settled = read
            settled.settle()
            #expect(settled.totals == checked.totals && report(settled) == report(checked), "round \(round): settled")
            var city = RollupRangeSum(from: from, to: to)
            city.add(settled)
            city.add(checked)
            var reference = RollupRangeSum(from: from, to: to)
            reference.add(checked)
            reference.add(checked)
            #expect(report(city) == report(reference), "round \(round): settled, added into a city")
        }
    }

    @Test("a running total cut short or with a byte changed is refused where the check refuses it, never trapping")
    func brokenBytes() throws {
        var random = SeededGenerator(99)
        for round in 0..<16 {
            var through = DayStatsDifferenceTests.day(&random)
            let before = DayStatsDifferenceTests.day(&random)
            through.add(before)
            let (good, part) = (through.rollup(), before.rollup())
            var broken: [[UInt8]] = [[]]
            for length in stride(from: 0, to: good.count, by: max(1, good.count / 40)) {
                broken.append(Array(good.prefix(length)))
            }
            for _ in 0..<20 {
                var changed = good
                changed[Int(random.next() % UInt64(good.count))] = UInt8(truncatingIfNeeded: random.next())
                broken.append(changed)
            }
            broken.append(good + [0])
            for bytes in broken {
                let refused = (try? StoredDay(rollup: bytes)) == nil
                for (through, before) in [(bytes, part), (good, bytes)] {
                    var sum = DayStatsSum()
                    sum.foldsCohorts = true
                    let threw: Bool
                    do {
                        try sum.add(rollup: through, minus: before, cohortsFrom: "2026-01-01", to: "2026-12-31")
                        threw = false
                    } catch {
                        threw = true
                    }
                    #expect(threw == refused, "round \(round): \(bytes.count) bytes")
                }
            }
        }
    }
}
