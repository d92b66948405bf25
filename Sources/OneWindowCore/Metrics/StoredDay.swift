/// A closed day's figures of one service as the rollups store them: a few hundred bytes
/// instead of the dictionaries of `DayStats` (a year of a busy hall is a few megabytes in
/// memory, not tens), added up straight from the bytes (`DayStatsSum`).
public struct StoredDay: Sendable, Equatable {
    public let rollup: [UInt8]
    /// The counts `openCases(through:)` needs, read once.
    let casesOpened: Int
    let casesEnded: Int
    /// Whether the day tells of earlier cohorts (a sum past the day must read it).
    let hasCohortChanges: Bool

    /// Checks the bytes once, so that adding them up later cannot fail.
    public init(rollup: [UInt8]) throws(RollupReader.Malformed) {
        let stats = try DayStats(rollup: rollup)
        self.rollup = rollup
        casesOpened = stats.casesOpened
        casesEnded = stats.casesClosed + stats.casesCancelled
        hasCohortChanges = !stats.cohortChanges.isEmpty
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
