import OneWindowCore
import OneWindowStorage

extension MetricsBook {
    /// The book as the daemon reads it at start-up: the stored days' rollups, the open cohorts
    /// and the open bad reviews, then the events after the last rollup (today's), read in pages.
    /// What `onewindowd report` prints, with the same numbers as the API.
    public static func read(from storage: Storage, pageSize: Int = Storage.eventPageSize) throws -> MetricsBook {
        var book = try fromRollups(storage)
        try book.fold(storage, pageSize: pageSize) { _, _ in }
        return book
    }

    /// The book of the whole event log, folded from the first event: what the rollups must
    /// equal (the equality test), and the fold before there were rollups.
    public static func replay(from storage: Storage, pageSize: Int = Storage.eventPageSize) throws -> MetricsBook {
        var book = MetricsBook()
        try book.fold(storage, pageSize: pageSize) { _, _ in }
        return book
    }

    /// The stored rollups (the months' sums and the held days) and the bad reviews not rectified,
    /// to go on from the last rolled-up event.
    static func fromRollups(_ storage: Storage) throws -> MetricsBook {
        let rollups = try storage.metricsRollups()
        return MetricsBook(
            stored: rollups.days, yearToDate: rollups.months, monthOpenCases: rollups.monthOpenCases,
            heldFrom: rollups.heldFrom, cohorts: rollups.cohorts, openTickets: rollups.openTickets,
            badReviews: try storage.openBadReviewsForMetrics(),
            lastEventId: rollups.lastEventId)
    }

    /// The book with the stored days and months' sums that a range from `from` to `to` needs
    /// and it does not hold (`missingDays`, `missingMonths`) read from the rollups: a range of
    /// an older month or year.
    public func holdingDays(from: String, to: String, storage: Storage) throws -> MetricsBook {
        let (days, months) = (missingDays(from: from, to: to), missingMonths(from: from, to: to))
        guard !days.isEmpty || !months.isEmpty else { return self }
        let read = try storage.metricsDays(days, months: months)
        return holding(read.days, months: read.months)
    }

    /// Folds the stored events after `lastEventId`, a page at a time; `page` hears each page
    /// folded (its events and the timings counted).
    mutating func fold(_ storage: Storage, pageSize: Int, page: (Int, [Timing]) -> Void) throws {
        while true {
            let events = try storage.queueEvents(after: lastEventId, limit: pageSize)
            guard !events.isEmpty else { return }
            page(events.count, events.compactMap { apply(id: $0.id, $0.event) })
        }
    }
}
