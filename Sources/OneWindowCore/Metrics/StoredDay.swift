/// A closed day's figures of one service as the rollups store them: a few hundred bytes
/// instead of the dictionaries of `DayStats` (a year of a busy hall is a few megabytes in
/// memory, not tens), added up straight from the bytes (`DayStatsSum`).
public struct StoredDay: Sendable, Equatable {
    public let rollup: [UInt8]
    /// The counts `openCases(through:)` needs, read once.
    let casesOpened: Int
    let casesEnded: Int
    /// Cases opened less those closed or cancelled (`MetricsBook.monthOpenCases`).
    public var casesOpenedLessEnded: Int { casesOpened - casesEnded }
    /// Whether the day tells of earlier cohorts (a sum past the day must read it).
    let hasCohortChanges: Bool

    /// Checks the bytes once, so that adding them up later cannot fail; reads only the few
    /// counts it keeps and skips the rest (start-up reads a year of days this way).
    public init(rollup: [UInt8]) throws(RollupReader.Malformed) {
        var input = RollupReader(rollup)
        let version = try input.int()
        guard version == 1 || version == DayStats.rollupVersion else { throw RollupReader.Malformed(offset: 0) }
        var counts: [Int] = []
        for _ in 0..<12 { counts.append(try input.int()) }
        for _ in 0..<4 { try input.skipHistogram() }
        try input.skipCounts()
        try input.skipCounts()
        let changes = try input.count()
        for _ in 0..<changes {
            _ = try input.string()
            _ = try input.int()
            _ = try input.int()
            try input.skipHistogram()
        }
        if version >= 2 {  // tickets and waits by ticket channel
            try input.skipCounts()
            for _ in 0..<(try input.count()) {
                _ = try input.string()
                try input.skipHistogram()
            }
        }
        if !input.atEnd {  // ratings by channel, a trailing section, never empty
            let channels = try input.count()
            guard channels > 0 else { throw RollupReader.Malformed(offset: rollup.count) }
            for _ in 0..<channels {
                _ = try input.string()
                try input.skipHistogram()
            }
        }
        guard input.atEnd else { throw RollupReader.Malformed(offset: rollup.count) }
        self.rollup = rollup
        casesOpened = counts[4]
        casesEnded = counts[5] + counts[6]
        hasCohortChanges = changes > 0
    }

    public init(_ stats: DayStats) {
        rollup = stats.rollup()
        casesOpened = stats.casesOpened
        casesEnded = stats.casesClosed + stats.casesCancelled
        hasCohortChanges = !stats.cohortChanges.isEmpty
    }

    /// The figures as a `DayStats` (tests, and whoever needs one day's dictionaries).
    public var stats: DayStats {
        (try? DayStats(rollup: rollup)) ?? DayStats()
    }
}
