/// Adds up many days' figures of one service quickly: the seconds histograms (the bulk of a
/// day's figures, a few hundred keys each) go into `SecondsHistogram`s, added page by page,
/// instead of being merged dictionary into dictionary, which made a year of days slow
/// (60–70 ms); stored days are read straight from their rollup bytes, without building their
/// dictionaries. A report reads its figures from the sum itself (`HallMetrics(sum:)`): the
/// histograms never go back into dictionaries on the way.
struct DayStatsSum {
    /// Everything but the seconds histograms below (their fields here stay empty).
    var stats = DayStats()
    var waits = SecondsHistogram()
    var services = SecondsHistogram()
    /// The waits per ticket channel.
    var channelWaits: [String: SecondsHistogram] = [:]
    /// Cohort changes of a range of real days, by day number from `range.low`: no text is
    /// hashed per row. Moved into `stats.cohortChanges` by `total`. Not private only so that
    /// `DayStatsSum+Difference` can take changes away where they lie.
    var range: (from: String, to: String, low: Int, high: Int)?
    var slots: [CohortChange] = []
    var touched: [Bool] = []
    /// Set before anything is added: the range's cohort changes go into one as they are read
    /// (`folded`, its days to close in `foldedDays`), not a slot per day; what a report reads
    /// (`rangeSum`). Each slot's dictionary, merged again into one, was a sixth of a year's query.
    var foldsCohorts = false
    var folded = CohortChange()
    var foldedDays = SecondsHistogram()
    var foldedTouched = false

    init() {}

    /// The sum of `stats` alone, all its cohort changes included.
    init(_ stats: DayStats) {
        add(stats, cohortsFrom: "", to: "\u{10FFFF}")
    }

    mutating func add(_ other: DayStats, cohortsFrom from: String, to: String) {
        var rest = other
        rest.waits = [:]
        rest.services = [:]
        rest.channelWaits = [:]
        stats.add(rest, cohortsFrom: from, to: to)
        waits.add(other.waits)
        services.add(other.services)
        for (channel, histogram) in other.channelWaits { channelWaits[channel, default: .init()].add(histogram) }
    }

    /// Adds another sum (a service's into the hall's), all its cohort changes included.
    mutating func add(_ other: DayStatsSum) {
        let folded = other.rangeSum
        stats.add(folded.stats)
        waits.add(folded.waits)
        services.add(folded.services)
        for (channel, histogram) in folded.channelWaits { channelWaits[channel, default: .init()].add(histogram) }
    }

    mutating func addCohortChanges(_ other: DayStats, from: String, to: String) {
        stats.addCohortChanges(other, from: from, to: to)
    }

    /// Adds a day in `DayStats.rollup()`'s form: its own figures unless `cohortsOnly`, and its
    /// cohort changes of the cohorts from `from` to `to`. Everything is added where it goes as
    /// it is read: no dictionary is built for the day itself.
    mutating func add(rollup bytes: [UInt8], cohortsOnly: Bool = false, cohortsFrom from: String, to: String)
        throws(RollupReader.Malformed)
    {
        var input = RollupReader(bytes)
        let version = try input.version()
        var counts: [Int] = []
        counts.reserveCapacity(12)
        for _ in 0..<12 { counts.append(try input.int()) }
        if cohortsOnly {
            for _ in 0..<4 { try input.skipHistogram() }
            try input.skipCounts()
            try input.skipCounts()
        } else {
            stats.ticketsIssued += counts[0]
            stats.visitsServed += counts[1]
            stats.noShows += counts[2]
            stats.expired += counts[3]
            stats.casesOpened += counts[4]
            stats.casesClosed += counts[5]
            stats.casesCancelled += counts[6]
            stats.firstVisits += counts[7]
            stats.firstVisitResolved += counts[8]
            stats.oneVisitCases += counts[9]
            stats.withinPromiseCases += counts[10]
            stats.closedCaseVisits += counts[11]
            try waits.add(reading: &input)
            try services.add(reading: &input)
            try input.addHistogram(into: &stats.firstVisitDaysToClose)
            try input.addHistogram(into: &stats.ratings)
            try input.addCounts(into: &stats.missed)
            try input.addCounts(into: &stats.firstVisitMissed)
        }
        try addCohortChanges(reading: &input, from: from, to: to)
        if version >= 2 { try addChannels(reading: &input, skip: cohortsOnly) }
        try addChannelRatings(reading: &input, skip: cohortsOnly)
        guard input.atEnd else { throw RollupReader.Malformed(offset: bytes.count) }
    }

    /// The trailing ratings by channel (`DayStats.rollup()`), absent from older rollups;
    /// written only when there are ratings, so an empty section is not a rollup's.
    mutating func addChannelRatings(reading input: inout RollupReader, skip: Bool = false)
        throws(RollupReader.Malformed)
    {
        guard !input.atEnd else { return }
        let channels = try input.count()
        guard channels > 0 else { throw RollupReader.Malformed(offset: input.offset) }
        for _ in 0..<channels {
            let channel = try input.string()
            if skip {
                try input.skipHistogram()
            } else {
                try input.addHistogram(into: &stats.channelRatings[channel, default: [:]])
            }
        }
    }

    /// The channels' figures at the end of a version 2 rollup.
    mutating func addChannels(reading input: inout RollupReader, skip: Bool) throws(RollupReader.Malformed) {
        for _ in 0..<(try input.count()) {
            let channel = try input.string()
            let count = try input.int()
            if !skip { stats.channelIssued[channel, default: 0] += count }
        }
        for _ in 0..<(try input.count()) {
            let channel = try input.string()
            if skip {
                try input.skipHistogram()
            } else {
                try channelWaits[channel, default: .init()].add(reading: &input)
            }
        }
    }
}
