/// Taking a sum's part away again: a range of days is the difference of two cumulative sums
/// (all days up to its last, minus all days before its first), two reads instead of one per
/// day. Every field of `DayStats` is a count or a histogram of counts, so every field subtracts;
/// an entry that comes to zero is removed, so `(a + b) − b == a` for sums as the fold makes
/// them (no zero entries).
extension DayStats {
    /// Takes away `other`, all its cohort changes included.
    public mutating func subtract(_ other: DayStats) {
        ticketsIssued -= other.ticketsIssued
        visitsServed -= other.visitsServed
        noShows -= other.noShows
        expired -= other.expired
        waits.subtract(other.waits)
        services.subtract(other.services)
        casesOpened -= other.casesOpened
        casesClosed -= other.casesClosed
        casesCancelled -= other.casesCancelled
        oneVisitCases -= other.oneVisitCases
        withinPromiseCases -= other.withinPromiseCases
        closedCaseVisits -= other.closedCaseVisits
        missed.subtract(other.missed)
        ratings.subtract(other.ratings)
        channelRatings.subtract(other.channelRatings)
        firstVisits -= other.firstVisits
        firstVisitResolved -= other.firstVisitResolved
        firstVisitDaysToClose.subtract(other.firstVisitDaysToClose)
        firstVisitMissed.subtract(other.firstVisitMissed)
        channelIssued.subtract(other.channelIssued)
        channelWaits.subtract(other.channelWaits)
        for (day, change) in other.cohortChanges {
            var left = cohortChanges[day, default: CohortChange()]
            left.subtract(change)
            cohortChanges[day] = left.isEmpty ? nil : left
        }
    }
}

extension CohortChange {
    public mutating func subtract(_ other: CohortChange) {
        closedLater -= other.closedLater
        cancelled -= other.cancelled
        daysToClose.subtract(other.daysToClose)
    }

    /// Nothing changed: what a difference leaves of a cohort day that only the part had.
    public var isEmpty: Bool { closedLater == 0 && cancelled == 0 && daysToClose.isEmpty }
}

extension Dictionary where Value == Int {
    /// Subtracts `other`'s counts key by key, removing the keys that come to zero.
    mutating func subtract(_ other: [Key: Int]) {
        for (key, count) in other {
            let left = self[key, default: 0] - count
            self[key] = left == 0 ? nil : left
        }
    }
}

extension Dictionary where Value == [Int: Int] {
    /// Subtracts histogram by histogram, removing the histograms that come to nothing.
    mutating func subtract(_ other: [Key: [Int: Int]]) {
        for (key, histogram) in other {
            var left = self[key, default: [:]]
            left.subtract(histogram)
            self[key] = left.isEmpty ? nil : left
        }
    }
}
