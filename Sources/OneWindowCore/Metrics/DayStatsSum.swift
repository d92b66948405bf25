/// Adds up many days' `DayStats` of one service quickly: the seconds histograms (the bulk of a
/// day's figures, a few hundred keys each) go into arrays indexed by the second instead of
/// being merged dictionary into dictionary, which a year of days made slow (60–70 ms).
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

    mutating func add(_ histogram: [Int: Int]) {
        for (value, count) in histogram {
            guard value >= 0, value < Self.limit else {
                beyond[value, default: 0] += count
                continue
            }
            if value >= counts.count { counts.append(contentsOf: repeatElement(0, count: value + 1 - counts.count)) }
            counts[value] += count
        }
    }

    var histogram: [Int: Int] {
        var result = beyond
        for (value, count) in counts.enumerated() where count != 0 { result[value, default: 0] += count }
        return result
    }
}
