import Testing

@testable import OneWindowCore

/// A book that holds only the last three months or so of stored days (`heldFrom`) and the months'
/// sums: every range, of any past year, with the days it says it misses read for it, gives the
/// figures of the days added one by one; the window moves on as days are compacted.
@Suite("Held window of stored days", .timeLimit(.minutes(2)))
struct HeldWindowTests {
    static let first = DayNumber.of("2024-10-01")!

    /// Random days of three services from 2024-10-01 to 2026-03-14, each day's cohort changes
    /// for cohorts of up to 60 days before it.
    static func history() -> [String: [String: DayStats]] {
        var random = SeededGenerator(2_024)
        var days: [String: [String: DayStats]] = [:]
        for number in first..<(first + 530) {
            for serviceId in YearToDateRangeTests.services where random.next() % 5 != 0 {
                var stats = DayStatsDifferenceTests.day(&random)
                let changes = stats.cohortChanges.values
                stats.cohortChanges = [:]
                for change in changes {
                    let cohort = max(first, number - Int(random.next() % 60))
                    stats.cohortChanges[DayNumber.text(cohort), default: CohortChange()].add(change)
                }
                days[DayNumber.text(number), default: [:]][serviceId] = stats
            }
        }
        return days
    }

    /// Every month's sums of the stored days before `today`, as the rollups keep them.
    static func months(_ history: [String: [String: DayStats]], today: String) -> [String: [String: StoredDay]] {
        let stored = history.filter { $0.key < today }.mapValues { $0.mapValues(StoredDay.init) }
        return MetricsBook(stored: stored, cohorts: [], badReviews: [:], lastEventId: 0).yearToDate
    }

    /// The book as the daemon starts it: the recent months' sums, every month's open cases,
    /// the held days, today folded.
    static func windowed(_ history: [String: [String: DayStats]], today: String) -> MetricsBook {
        let stored = history.filter { $0.key < today }.mapValues { $0.mapValues(StoredDay.init) }
        let months = Self.months(history, today: today)
        let latest = stored.keys.max()!
        let heldFrom = MetricsBook.heldFrom(latest: latest)
        var book = MetricsBook(
            stored: stored.filter { $0.key >= heldFrom },
            yearToDate: months.filter { $0.key >= MetricsBook.monthsHeldFrom(latest: latest) },
            monthOpenCases: months.mapValues { $0.mapValues(\.casesOpenedLessEnded) }, heldFrom: heldFrom,
            cohorts: [], badReviews: [:], lastEventId: 0)
        book.days = history.filter { $0.key >= today }
        return book
    }

    /// The stored days of `spans` from `history`, as the storage reads them.
    static func read(_ spans: [MetricsBook.DaySpan], _ history: [String: [String: DayStats]])
        -> [String: [String: StoredDay]]
    {
        history.filter { day in spans.contains { day.key >= $0.first && day.key <= $0.last } }
            .mapValues { $0.mapValues(StoredDay.init) }
    }

    /// `book` holding what it says a range misses, read from `history` and `months`.
    static func holding(
        _ book: MetricsBook, from: String, to: String, _ history: [String: [String: DayStats]],
        _ months: [String: [String: StoredDay]]
    ) -> MetricsBook {
        let missing = Set(book.missingMonths(from: from, to: to))
        return book.holding(
            Self.read(book.missingDays(from: from, to: to), history), months: months.filter { missing.contains($0.key) }
        )
    }

    @Test("ranges in and across past years equal the days added one by one, reading only their ends' days")
    func pastRangesEqualDays() {
        let history = Self.history()
        var reference = MetricsBook()
        reference.days = history
        let book = Self.windowed(history, today: "2026-03-14")
        let months = Self.months(history, today: "2026-03-14")
        #expect(book.yearToDate.keys.min() == "2025-01", "the sums of 2024 are not held")
        #expect(book.monthOpenCases.keys.min() == "2024-10")
        #expect(book.missingMonths(from: "2024-11-05", to: "2025-02-10") == ["2024-10", "2024-12"])
        #expect(book.missingMonths(from: "2025-03-14", to: "2026-03-13").isEmpty, "365 days back read held sums")
        #expect(book.heldFrom == "2025-12-01")
        #expect(book.stored.keys.min() == "2025-12-01", "older days are not held")
        var random = SeededGenerator(14)
        var ranges = [
            ("2024-10-05", "2025-03-13"), ("2024-12-02", "2025-01-30"), ("2025-02-10", "2025-02-20"),
            ("2024-11-28", "2025-11-03"), ("2025-12-31", "2026-01-01"), ("2025-03-03", "2026-03-02"),
            ("2025-06-15", "2025-06-15"), ("2026-02-03", "2026-03-14"), ("2024-09-01", "2025-09-30"),
        ]
        for _ in 0..<40 {
            let from = Self.first - 20 + Int(random.next() % 540)
            let to = from + Int(random.next() % UInt64(min(366, Self.first + 535 - from)))
            ranges.append((DayNumber.text(from), DayNumber.text(to)))
        }
        for (from, to) in ranges {
            let spans = book.missingDays(from: from, to: to)
            let days = spans.reduce(0) { $0 + DayNumber.of($1.last)! - DayNumber.of($1.first)! + 1 }
            #expect(days <= 62, "\(from)…\(to) reads at most a month's days at either end: \(spans)")
            #expect(spans.allSatisfy { $0.last < book.heldFrom })
            let held = Self.holding(book, from: from, to: to, history, months)
            #expect(
                YearToDateRangeTests.folded(held.sum(from: from, to: to))
                    == YearToDateRangeTests.folded(reference.sum(from: from, to: to)), "\(from)…\(to)")
            #expect(held.openCases(through: to) == reference.openCases(through: to), "open cases through \(to)")
        }
        #expect(book.missingDays(from: "2025-12-15", to: "2026-03-14").isEmpty, "90 days back are held")
        #expect(!book.missingDays(from: "2025-11-30", to: "2026-03-14").isEmpty)
        #expect(book.missingDays(from: "2025-03-01", to: "2026-02-28").isEmpty, "whole months are sums")
    }

    @Test("compacting days into a new month sums the month that ended and lets its older days go")
    func windowMovesOn() {
        let history = Self.history()
        var reference = MetricsBook()
        reference.days = history.filter { $0.key < "2026-03-14" }
        var book = Self.windowed(history.filter { $0.key < "2026-02-27" }, today: "2026-02-27")
        #expect(book.yearToDate["2026-02"] == nil)
        for day in history.keys.sorted() where day >= "2026-02-27" && day < "2026-03-14" {
            book.days[day] = history[day]
            book.compact(before: day)
        }
        book.days["2026-03-13"] = history["2026-03-13"]
        book.compact(before: "2026-03-14")
        #expect(book.yearToDate["2026-02"] != nil, "February is summed once a March day is stored")
        #expect(book.heldFrom == "2025-12-01")
        #expect(book.stored.keys.min() == "2025-12-01", "November's days are let go")
        // A late part of a summed day: added to the sums of its month and the later ones.
        var late = DayStats()
        late.ticketsIssued = 3
        book.days["2026-02-10"] = ["S-1": late]
        book.compact(before: "2026-03-14")
        reference.days["2026-02-10", default: [:]]["S-1", default: DayStats()].add(late)
        let months = Self.months(reference.days, today: "2026-03-14")
        for (from, to) in [("2026-01-01", "2026-03-13"), ("2025-03-14", "2026-03-13"), ("2026-02-01", "2026-02-28")] {
            let held = Self.holding(book, from: from, to: to, reference.days, months)
            #expect(
                YearToDateRangeTests.folded(held.sum(from: from, to: to))
                    == YearToDateRangeTests.folded(reference.sum(from: from, to: to)), "\(from)…\(to)")
        }
    }
}
