/// A day's figures as the rollup tables store them (`RollupWriter`'s form, led by a version).
extension DayStats {
    static let rollupVersion = 1

    public func rollup() -> [UInt8] {
        var out = RollupWriter()
        out.int(Self.rollupVersion)
        for count in [ticketsIssued, visitsServed, noShows, expired, casesOpened, casesClosed, casesCancelled] {
            out.int(count)
        }
        for count in [firstVisits, firstVisitResolved, oneVisitCases, withinPromiseCases, closedCaseVisits] {
            out.int(count)
        }
        out.histogram(waits)
        out.histogram(services)
        out.histogram(firstVisitDaysToClose)
        out.histogram(ratings)
        out.counts(missed)
        out.counts(firstVisitMissed)
        out.int(cohortChanges.count)
        for (day, change) in cohortChanges.sorted(by: { $0.key < $1.key }) {
            out.string(day)
            out.int(change.closedLater)
            out.int(change.cancelled)
            out.histogram(change.daysToClose)
        }
        // Ratings by channel came later: a trailing section, written only when there are any,
        // so a day without ratings has the bytes it always had and older rollups still read.
        if !channelRatings.isEmpty {
            out.int(channelRatings.count)
            for (channel, levels) in channelRatings.sorted(by: { $0.key < $1.key }) {
                out.string(channel)
                out.histogram(levels)
            }
        }
        return out.bytes
    }

    /// Reads `rollup()`'s form (through `DayStatsSum`, the one reader of it).
    public init(rollup bytes: [UInt8]) throws(RollupReader.Malformed) {
        var sum = DayStatsSum()
        try sum.add(rollup: bytes, cohortsFrom: "", to: "\u{10FFFF}")
        self = sum.total
    }
}
