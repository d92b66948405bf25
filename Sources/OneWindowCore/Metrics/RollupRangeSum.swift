/// A range's figures per service from rollups a reader picked itself, as the city reads them
/// from its running totals (the total through `to` minus the total before `from`). Each rollup
/// is added as `MetricsBook.sum` adds it: its own figures if it lies in the range, only its
/// changes of the range's cohorts if it lies after, so both give the same numbers. A report is
/// built from the sums themselves (`MetricsReport(…sums: RollupRangeSum…)`), and halls' sums
/// add in place (`add(_:)`): their histograms never go into dictionaries on the way.
public struct RollupRangeSum: Sendable {
    public let from: String
    public let to: String
    /// Per service; each folds the range's cohort changes into one as it reads them.
    private(set) var sums: [String: DayStatsSum] = [:]

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
        try? sums[serviceId, default: Self.empty].add(
            rollup: rollup.rollup, cohortsOnly: !inRange, cohortsFrom: from, to: to)
    }

    /// Takes away one service's rollup as `add(_:serviceId:inRange: true)` adds it: its own
    /// figures and its changes of the range's cohorts. A range is then the difference of two
    /// cumulative rollups (`DayStatsSum+Difference`): add the one through `to`, subtract the
    /// one through the day before `from`.
    public mutating func subtract(_ rollup: StoredDay, serviceId: String) {
        // Cannot throw: `StoredDay` checked the bytes.
        try? sums[serviceId, default: Self.empty].subtract(rollup: rollup.rollup, cohortsFrom: from, to: to)
    }

    /// Adds one service's range as the difference of its running totals' bytes: `through` (the
    /// total through `to`) minus `before` (through the day before `from`), either nil for none.
    /// The same sum as `add(_:serviceId:inRange: true)` then `subtract(_:serviceId:)`, but each
    /// byte is read once, side by side (`DayStatsSum.add(rollup:minus:…)`), and checked as it is
    /// read: throws at the first that does not fit (the sum is then of no use).
    public mutating func add(through: [UInt8]?, before: [UInt8]?, serviceId: String) throws(RollupReader.Malformed) {
        switch (through, before) {
        case (let through?, let before?):
            try sums[serviceId, default: Self.empty].add(rollup: through, minus: before, cohortsFrom: from, to: to)
        case (let through?, nil):
            try sums[serviceId, default: Self.empty].add(rollup: through, cohortsFrom: from, to: to)
        case (nil, let before?):
            try sums[serviceId, default: Self.empty].subtract(rollup: before, cohortsFrom: from, to: to)
        case (nil, nil): break
        }
    }

    /// `addCohorts(_:serviceId:subtracting:)` of a running total's bytes, checked as they are
    /// read: throws at the first that does not fit (the sum is then of no use).
    public mutating func addCohorts(rollup bytes: [UInt8], serviceId: String, subtracting: Bool = false)
        throws(RollupReader.Malformed)
    {
        var part = DayStatsSum()
        try part.add(rollup: bytes, cohortsOnly: true, cohortsFrom: "", to: "\u{10FFFF}")
        guard !part.stats.cohortChanges.isEmpty else { return }
        var change = CohortChange()
        for each in part.stats.cohortChanges.values { change.add(each) }
        sums[serviceId, default: Self.empty].addRangeCohorts(change, under: from, subtracting: subtracting)
    }

    /// Adds (or, `subtracting`, takes away) a running total of cohort changes: a rollup whose
    /// changes all belong to the range's cohorts, whatever day they are kept under. The city
    /// keeps, per service, the changes to every cohort up to a day added into one; the range's
    /// are those through `to` minus those through the day before `from`.
    public mutating func addCohorts(_ rollup: StoredDay, serviceId: String, subtracting: Bool = false) {
        guard rollup.hasCohortChanges else { return }
        // Cannot throw: `StoredDay` checked the bytes.
        try? addCohorts(rollup: rollup.rollup, serviceId: serviceId, subtracting: subtracting)
    }

    /// Folds each service's cohort changes into one now (`DayStatsSum.rangeSum`), once: a report
    /// reads each service's sum three times (`serviceIds`, `rangeSum(of:)`, and adding it into
    /// the city's), and each read folded them again. Changes no figure; call it when nothing
    /// more is added.
    public mutating func settle() {
        for serviceId in Array(sums.keys) { sums[serviceId] = sums[serviceId]?.rangeSum }
    }

    /// Adds `other` (another hall's sums of the same range) service by service.
    public mutating func add(_ other: RollupRangeSum) {
        for (serviceId, sum) in other.sums { sums[serviceId, default: Self.empty].add(sum) }
    }

    /// The services with anything in the range: a service whose difference comes to nothing
    /// is left out, as the hall leaves it out.
    public var serviceIds: Set<String> {
        Set(sums.compactMap { $0.value.rangeSum.isEmpty ? nil : $0.key })
    }

    /// Per service with anything in the range, its figures (the cohorts' changes added into
    /// one, as `MetricsBook.sum` gives them).
    public var totals: [String: DayStats] {
        sums.compactMapValues { sum in
            let range = sum.rangeSum
            return range.isEmpty ? nil : range.total
        }
    }

    /// One service's sum as a report reads it (`DayStatsSum.rangeSum`); nil for one without
    /// figures in the range.
    func rangeSum(of serviceId: String) -> DayStatsSum? {
        sums[serviceId].map(\.rangeSum).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A service's sum before anything is added: the range's cohort changes go into one.
    private static var empty: DayStatsSum {
        var sum = DayStatsSum()
        sum.foldsCohorts = true
        return sum
    }
}
