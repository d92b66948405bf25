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
        out.int(cohortChanges.count)
        for (day, change) in cohortChanges.sorted(by: { $0.key < $1.key }) {
            out.string(day)
            out.int(change.closedLater)
            out.int(change.cancelled)
            out.histogram(change.daysToClose)
        }
        return out.bytes
    }

    public init(rollup bytes: [UInt8]) throws(RollupReader.Malformed) {
        var input = RollupReader(bytes)
        guard try input.int() == Self.rollupVersion else { throw RollupReader.Malformed(offset: 0) }
        self.init()
        ticketsIssued = try input.int()
        visitsServed = try input.int()
        noShows = try input.int()
        expired = try input.int()
        casesOpened = try input.int()
        casesClosed = try input.int()
        casesCancelled = try input.int()
        firstVisits = try input.int()
        firstVisitResolved = try input.int()
        oneVisitCases = try input.int()
        withinPromiseCases = try input.int()
        closedCaseVisits = try input.int()
        waits = try input.histogram()
        services = try input.histogram()
        firstVisitDaysToClose = try input.histogram()
        ratings = try input.histogram()
        missed = try input.counts()
        for _ in 0..<(try input.count()) {
            let day = try input.string()
            var change = CohortChange()
            change.closedLater = try input.int()
            change.cancelled = try input.int()
            change.daysToClose = try input.histogram()
            cohortChanges[day, default: CohortChange()].add(change)
        }
        guard input.atEnd else { throw RollupReader.Malformed(offset: bytes.count) }
    }
}
