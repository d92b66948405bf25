import Testing

@testable import OneWindowCore

/// A range read from years to date (whole months as the difference of two cumulative sums,
/// a month at either end less its days outside the range) gives the same figures as adding
/// its days one by one, across a year's end, on seeded random days with cohorts closing later.
@Suite("Ranges from years to date", .timeLimit(.minutes(2)))
struct YearToDateRangeTests {
    static let first = DayNumber.of("2025-10-01")!
    static let services = ["S-1", "S-2", "S-3"]

    /// Random days of three services from 2025-10-01 to 2026-03-14 (a service now and then
    /// without a row), each day's cohort changes for cohorts of up to 40 days before it.
    static func history() -> [String: [String: DayStats]] {
        var random = SeededGenerator(1_825)
        var days: [String: [String: DayStats]] = [:]
        for number in first..<(first + 165) {
            for serviceId in services where random.next() % 5 != 0 {
                var stats = DayStatsDifferenceTests.day(&random)
                let changes = stats.cohortChanges.values
                stats.cohortChanges = [:]
                for change in changes {
                    let cohort = max(first, number - Int(random.next() % 40))
                    stats.cohortChanges[DayNumber.text(cohort), default: CohortChange()].add(change)
                }
                days[DayNumber.text(number), default: [:]][serviceId] = stats
            }
        }
        return days
    }

    /// The cohort changes added into one, under one key: the two books name the range's
    /// cohort total by different days (`DayStatsSum.rangeSum`), the figures read only the total.
    static func folded(_ sums: [String: DayStats]) -> [String: DayStats] {
        sums.mapValues { stats in
            var copy = stats
            var all = CohortChange()
            for change in stats.cohortChanges.values { all.add(change) }
            copy.cohortChanges = all.isEmpty ? [:] : ["all": all]
            return copy
        }
    }

    @Test("every range's sums and open cases equal those of the days added one by one")
    func rangesEqualDays() {
        let history = Self.history()
        var reference = MetricsBook()
        reference.days = history
        let stored = history.filter { $0.key < "2026-03-14" }.mapValues { $0.mapValues(StoredDay.init) }
        var book = MetricsBook(stored: stored, cohorts: [], badReviews: [:], lastEventId: 0)
        book.days = history.filter { $0.key >= "2026-03-14" }
        #expect(book.yearToDate.keys.sorted() == ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02"])
        var random = SeededGenerator(366)
        var ranges = [
            ("2025-10-01", "2026-03-14"), ("2025-10-05", "2026-03-13"), ("2025-12-02", "2026-01-30"),
            ("2025-11-28", "2026-02-03"), ("2025-12-31", "2026-01-01"), ("2025-10-03", "2025-11-29"),
            ("2026-02-01", "2026-02-28"), ("2025-11-15", "2025-11-16"), ("2025-09-01", "2026-04-30"),
        ]
        for _ in 0..<40 {
            let from = Self.first - 20 + Int(random.next() % 190)
            let to = from + Int(random.next() % UInt64(Self.first + 185 - from))
            ranges.append((DayNumber.text(from), DayNumber.text(to)))
        }
        for (from, to) in ranges {
            #expect(
                Self.folded(book.sum(from: from, to: to)) == Self.folded(reference.sum(from: from, to: to)),
                "\(from)…\(to)")
            #expect(book.openCases(through: to) == reference.openCases(through: to), "open cases through \(to)")
        }
    }
}
