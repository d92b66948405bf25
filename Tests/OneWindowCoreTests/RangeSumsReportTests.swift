import Testing

@testable import OneWindowCore

/// The city's report is built straight from its range sums (`MetricsReport(sums: RollupRangeSum…)`,
/// halls added in place with `RollupRangeSum.add`): it must equal the report built the way the
/// figures are defined, from the ranges' `DayStats` (running totals subtracted as dictionaries,
/// halls added with `DayStats.adding`), field by field, on random halls (seeded).
@Suite("Reports from range sums", .timeLimit(.minutes(1)))
struct RangeSumsReportTests {
    static let (from, to) = ("2026-03-01", "2026-12-31")

    /// One hall's service as the city keeps it: the running totals through `to` and through the
    /// day before `from` (own figures only), and its cohort totals at both ends (all changes
    /// under one key, as `city_cohort_prefix` keeps them).
    struct Service {
        var through = DayStats()
        var before: DayStats?
        var cohortsThrough: DayStats?
        var cohortsBefore: DayStats?
    }

    static func service(_ random: inout SeededGenerator) -> Service {
        func below(_ limit: Int) -> Int { Int(random.next() % UInt64(limit)) }
        func own(_ random: inout SeededGenerator) -> DayStats {
            var day = DayStatsDifferenceTests.day(&random)
            day.cohortChanges = [:]
            return day
        }
        func cohorts(_ random: inout SeededGenerator) -> DayStats {
            var all = CohortChange()
            for change in DayStatsDifferenceTests.day(&random).cohortChanges.values { all.add(change) }
            var stats = DayStats()
            if !all.isEmpty { stats.cohortChanges = ["cohorts": all] }
            return stats
        }
        var service = Service()
        if below(4) != 0 {
            let before = own(&random)
            service.before = before
            service.through = before
        }
        for _ in 0..<below(4) { service.through.add(own(&random)) }
        if below(3) != 0 {
            let before = cohorts(&random)
            var through = before
            through.add(cohorts(&random))
            service.cohortsThrough = through
            if below(2) == 0 { service.cohortsBefore = before }
        }
        return service
    }

    /// The range's `DayStats` by the definition: through minus before, the cohorts' changes
    /// under the range's first day; nil when nothing is left.
    static func expected(_ service: Service) -> DayStats? {
        var stats = service.through
        if let before = service.before { stats.subtract(before) }
        var change = service.cohortsThrough?.cohortChanges["cohorts"] ?? CohortChange()
        if let before = service.cohortsBefore?.cohortChanges["cohorts"] { change.subtract(before) }
        if !change.isEmpty { stats.cohortChanges = [from: change] }
        return stats == DayStats() ? nil : stats
    }

    static func rangeSum(_ services: [String: Service]) -> RollupRangeSum {
        var sum = RollupRangeSum(from: from, to: to)
        for (serviceId, service) in services {
            sum.add(StoredDay(service.through), serviceId: serviceId, inRange: true)
            if let before = service.before { sum.subtract(StoredDay(before), serviceId: serviceId) }
            if let cohorts = service.cohortsThrough { sum.addCohorts(StoredDay(cohorts), serviceId: serviceId) }
            if let cohorts = service.cohortsBefore {
                sum.addCohorts(StoredDay(cohorts), serviceId: serviceId, subtracting: true)
            }
        }
        return sum
    }

    @Test("each hall's report and the city's, from range sums added in place, equal those from the days' figures")
    func reportsEqual() {
        var random = SeededGenerator(17)
        for round in 0..<40 {
            var city = RollupRangeSum(from: Self.from, to: Self.to)
            var expectedHalls: [[String: DayStats]] = []
            var open: [String: Int] = [:]
            var allBad = BadReviewCounts()
            for _ in 0..<Int(random.next() % 4 + 1) {
                var services: [String: Service] = [:]
                for index in 0..<Int(random.next() % 5) { services["s\(index)"] = Self.service(&random) }
                let hallOpen = services.keys.reduce(into: [String: Int]()) { $0[$1] = Int(random.next() % 9) }
                open.merge(hallOpen, uniquingKeysWith: +)
                let expected = services.compactMapValues(Self.expected)
                expectedHalls.append(expected)
                let sums = Self.rangeSum(services)
                city.add(sums)
                #expect(sums.totals == expected, "round \(round): the hall's totals")
                #expect(sums.serviceIds == Set(expected.keys), "round \(round)")
                var bad = BadReviewCounts()
                for serviceId in services.keys {
                    bad.add(.init(open: Int(random.next() % 5), overdue: Int(random.next() % 2)), serviceId: serviceId)
                }
                allBad.add(bad)
                let report = MetricsReport(sums: sums, serviceId: nil, open: hallOpen, badReviews: bad, catalogue: nil)
                let reference = MetricsReport(
                    from: Self.from, to: Self.to, serviceId: nil, sums: expected, open: hallOpen, badReviews: bad,
                    catalogue: nil)
                #expect(report == reference, "round \(round): a hall's report")
            }
            let report = MetricsReport(sums: city, serviceId: nil, open: open, badReviews: allBad, catalogue: nil)
            let reference = MetricsReport(
                from: Self.from, to: Self.to, serviceId: nil, sums: DayStats.adding(expectedHalls), open: open,
                badReviews: allBad, catalogue: nil)
            #expect(report == reference, "round \(round): the city's report")
            #expect(report.metrics.ticketsIssued == expectedHalls.flatMap(\.values).map(\.ticketsIssued).reduce(0, +))
        }
    }

    @Test("the day before a hall day steps back over months, years and leap days; a text that is no day has none")
    func dayBefore() {
        #expect(DayNumber.dayBefore("2026-03-01") == "2026-02-28")
        #expect(DayNumber.dayBefore("2024-03-01") == "2024-02-29")
        #expect(DayNumber.dayBefore("2026-01-01") == "2025-12-31")
        #expect(DayNumber.dayBefore("2026-12-06") == "2026-12-05")
        #expect(DayNumber.dayBefore("2026-02-30") == nil)
        #expect(DayNumber.dayBefore("cohorts") == nil)
    }
}
