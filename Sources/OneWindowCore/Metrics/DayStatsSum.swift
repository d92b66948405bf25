/// Adds up many days' figures of one service quickly: the seconds histograms (the bulk of a
/// day's figures, a few hundred keys each) go into arrays indexed by the second instead of
/// being merged dictionary into dictionary, which made a year of days slow (60–70 ms); stored
/// days are read straight from their rollup bytes, without building their dictionaries.
struct DayStatsSum {
    private var stats = DayStats()
    private var waits = DenseHistogram()
    private var services = DenseHistogram()

    mutating func add(_ other: DayStats, cohortsFrom from: String, to: String) {
        var rest = other
        rest.waits = [:]
        rest.services = [:]
        stats.add(rest, cohortsFrom: from, to: to)
        waits.add(other.waits)
        services.add(other.services)
    }

    mutating func addCohortChanges(_ other: DayStats, from: String, to: String) {
        stats.addCohortChanges(other, from: from, to: to)
    }

    /// Adds a day in `DayStats.rollup()`'s form: its own figures unless `cohortsOnly`, and its
    /// cohort changes of the cohorts from `from` to `to`.
    mutating func add(rollup bytes: [UInt8], cohortsOnly: Bool = false, cohortsFrom from: String, to: String)
        throws(RollupReader.Malformed)
    {
        var input = RollupReader(bytes)
        guard try input.int() == DayStats.rollupVersion else { throw RollupReader.Malformed(offset: 0) }
        var own = DayStats()
        own.ticketsIssued = try input.int()
        own.visitsServed = try input.int()
        own.noShows = try input.int()
        own.expired = try input.int()
        own.casesOpened = try input.int()
        own.casesClosed = try input.int()
        own.casesCancelled = try input.int()
        own.firstVisits = try input.int()
        own.firstVisitResolved = try input.int()
        own.oneVisitCases = try input.int()
        own.withinPromiseCases = try input.int()
        own.closedCaseVisits = try input.int()
        if cohortsOnly {
            _ = try input.histogram()
            _ = try input.histogram()
        } else {
            try waits.add(reading: &input)
            try services.add(reading: &input)
        }
        own.firstVisitDaysToClose = try input.histogram()
        own.ratings = try input.histogram()
        own.missed = try input.counts()
        for _ in 0..<(try input.count()) {
            let day = try input.string()
            var change = CohortChange()
            change.closedLater = try input.int()
            change.cancelled = try input.int()
            change.daysToClose = try input.histogram()
            own.cohortChanges[day, default: CohortChange()].add(change)
        }
        guard input.atEnd else { throw RollupReader.Malformed(offset: bytes.count) }
        if cohortsOnly {
            stats.addCohortChanges(own, from: from, to: to)
        } else {
            stats.add(own, cohortsFrom: from, to: to)
        }
    }

    var total: DayStats {
        var total = stats
        total.waits = waits.histogram
        total.services = services.histogram
        return total
    }
}

/// Counts per whole second in an array (values up to a day; a longer one, which a clock
/// stepped forward may give, in a dictionary beside it).
struct DenseHistogram {
    private var counts: [Int] = []
    private var beyond: [Int: Int] = [:]
    static let limit = 86_400

    mutating func add(_ value: Int, _ count: Int) {
        guard value >= 0, value < Self.limit else {
            beyond[value, default: 0] += count
            return
        }
        if value >= counts.count { counts.append(contentsOf: repeatElement(0, count: value + 1 - counts.count)) }
        counts[value] += count
    }

    mutating func add(_ histogram: [Int: Int]) {
        for (value, count) in histogram { add(value, count) }
    }

    /// Adds a histogram as `RollupWriter.histogram` wrote it.
    mutating func add(reading input: inout RollupReader) throws(RollupReader.Malformed) {
        var value = 0
        for _ in 0..<(try input.count()) {
            value += try input.int()
            add(value, try input.int())
        }
    }

    var histogram: [Int: Int] {
        var result = beyond
        for (value, count) in counts.enumerated() where count != 0 { result[value, default: 0] += count }
        return result
    }
}
