/// A range as the difference of two running totals, read side by side: the total through its
/// last day minus the total through the day before its first, section by section from both
/// rollups into the sum. Each byte is read once, and the total before the range is never built
/// as a sum of its own to be taken away (a year's city query read its 30 MB of running totals
/// three times that way: checked, added, then read into a sum to subtract).
extension DayStatsSum {
    /// Adds `through` and takes `before` away (both in `DayStats.rollup()`'s form), with their
    /// changes of the cohorts from `from` to `to`: the same sum, to the last field, as
    /// `add(rollup: through…)` then `subtract(rollup: before…)` give (the tests hold them equal
    /// on random rollups). Throws at the first byte of either that does not fit.
    mutating func add(rollup through: [UInt8], minus before: [UInt8], cohortsFrom from: String, to: String)
        throws(RollupReader.Malformed)
    {
        var plus = RollupReader(through)
        var minus = RollupReader(before)
        let version = try plus.version()
        let minusVersion = try minus.version()
        stats.ticketsIssued += try plus.int() - minus.int()
        stats.visitsServed += try plus.int() - minus.int()
        stats.noShows += try plus.int() - minus.int()
        stats.expired += try plus.int() - minus.int()
        stats.casesOpened += try plus.int() - minus.int()
        stats.casesClosed += try plus.int() - minus.int()
        stats.casesCancelled += try plus.int() - minus.int()
        stats.firstVisits += try plus.int() - minus.int()
        stats.firstVisitResolved += try plus.int() - minus.int()
        stats.oneVisitCases += try plus.int() - minus.int()
        stats.withinPromiseCases += try plus.int() - minus.int()
        stats.closedCaseVisits += try plus.int() - minus.int()
        try waits.add(reading: &plus)
        try waits.subtract(reading: &minus)
        try services.add(reading: &plus)
        try services.subtract(reading: &minus)
        try plus.addHistogram(into: &stats.firstVisitDaysToClose)
        try minus.subtractHistogram(from: &stats.firstVisitDaysToClose)
        try plus.addHistogram(into: &stats.ratings)
        try minus.subtractHistogram(from: &stats.ratings)
        try plus.addCounts(into: &stats.missed)
        try minus.subtractCounts(from: &stats.missed)
        try plus.addCounts(into: &stats.firstVisitMissed)
        try minus.subtractCounts(from: &stats.firstVisitMissed)
        try addCohortChanges(reading: &plus, from: from, to: to)
        // The part's cohort changes are taken away where this sum keeps each day, at the end,
        // as `subtract(_:)` takes them (they are few: a running total keeps none of its own).
        var part = DayStatsSum()
        part.foldsCohorts = foldsCohorts
        try part.addCohortChanges(reading: &minus, from: from, to: to)
        if version >= 2 { try addChannels(reading: &plus, skip: false) }
        if minusVersion >= 2 { try subtractChannels(reading: &minus) }
        try addChannelRatings(reading: &plus)
        try subtractChannelRatings(reading: &minus)
        guard plus.atEnd else { throw RollupReader.Malformed(offset: through.count) }
        guard minus.atEnd else { throw RollupReader.Malformed(offset: before.count) }
        for (day, change) in part.cohortChangesByDay { subtract(change, cohort: day) }
    }

    /// Takes away the channels' figures of a version 2 rollup, as `subtract(_:)` takes them.
    private mutating func subtractChannels(reading input: inout RollupReader) throws(RollupReader.Malformed) {
        try input.subtractCounts(from: &stats.channelIssued)
        for _ in 0..<(try input.count()) {
            let channel = try input.string()
            try channelWaits[channel, default: .init()].subtract(reading: &input)
            if channelWaits[channel]?.isZero == true { channelWaits[channel] = nil }
        }
    }

    private mutating func subtractChannelRatings(reading input: inout RollupReader) throws(RollupReader.Malformed) {
        guard !input.atEnd else { return }
        let channels = try input.count()
        guard channels > 0 else { throw RollupReader.Malformed(offset: input.offset) }
        for _ in 0..<channels {
            let channel = try input.string()
            try input.subtractHistogram(from: &stats.channelRatings[channel, default: [:]])
            if stats.channelRatings[channel]?.isEmpty == true { stats.channelRatings[channel] = nil }
        }
    }
}
