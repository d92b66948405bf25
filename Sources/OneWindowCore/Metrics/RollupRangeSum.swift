/// A range's figures per service from rollups a reader picked itself: whole months' sums and
/// single days, as the city reads them from its hall-month and hall-day tables. Each rollup is
/// added as `MetricsBook.sum` adds it: its own figures if it lies in the range, only its
/// changes of the range's cohorts if it lies after, so both give the same numbers.
public struct RollupRangeSum {
    private let from: String
    private let to: String
    private var sums: [String: DayStatsSum] = [:]

    /// A sum of the hall days `from`…`to`.
    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }

    /// Adds one service's rollup (a day's or a whole month's): all of it when `inRange`, else
    /// only what it tells of the range's cohorts (and nothing when it tells of none).
    public mutating func add(_ rollup: StoredDay, serviceId: String, inRange: Bool) {
        guard inRange || rollup.hasCohortChanges else { return }
        // Cannot throw: `StoredDay` checked the bytes.
        try? sums[serviceId, default: DayStatsSum()].add(
            rollup: rollup.rollup, cohortsOnly: !inRange, cohortsFrom: from, to: to)
    }

    /// Takes away one service's rollup as `add(_:serviceId:inRange: true)` adds it: its own
    /// figures and its changes of the range's cohorts. A range is then the difference of two
    /// cumulative rollups (`DayStatsSum+Difference`): add the one through `to`, subtract the
    /// one through the day before `from`.
    public mutating func subtract(_ rollup: StoredDay, serviceId: String) {
        // Cannot throw: `StoredDay` checked the bytes.
        try? sums[serviceId, default: DayStatsSum()].subtract(rollup: rollup.rollup, cohortsFrom: from, to: to)
    }

    /// Per service, the range's figures (the cohorts' changes added into one, as
    /// `MetricsBook.sum` gives them).
    public var totals: [String: DayStats] {
        sums.mapValues(\.rangeSum.total)
    }
}
