/// What a sum gives back: the range's figures with its cohort changes in one
/// (`rangeSum`, what a report reads), or every cohort day apart (`total`).
extension DayStatsSum {
    /// The sum with every cohort change added into one, under the first cohort day: the
    /// figures of a range read only the changes' total (`HallMetrics.Cohort`), and a year's
    /// range had 365 cohort days per service, each with its own histogram, merged again for the
    /// hall (a fifth of a year's query).
    var rangeSum: DayStatsSum {
        guard range != nil || stats.cohortChanges.count > 1 else { return self }
        var sum = self
        var all = CohortChange()
        var first = stats.cohortChanges.keys.min()
        for change in stats.cohortChanges.values { all.add(change) }
        if let range {
            for (slot, change) in slots.enumerated() where touched[slot] { all.add(change) }
            if foldedTouched { all.add(foldedChange) }
            if touched.contains(true) || foldedTouched { first = min(first ?? range.from, range.from) }
        }
        // A difference of sums may leave a cohort day with nothing (`DayStatsSum+Difference`).
        sum.stats.cohortChanges = all.isEmpty ? [:] : first.map { [$0: all] } ?? [:]
        (sum.range, sum.slots, sum.touched) = (nil, [], [])
        (sum.folded, sum.foldedDays, sum.foldedTouched) = (CohortChange(), SecondsHistogram(), false)
        return sum
    }

    /// The sum as one `DayStats`, each cohort day's changes apart.
    var total: DayStats {
        var total = stats
        total.waits = waits.histogram
        total.services = services.histogram
        total.channelWaits = channelWaits.mapValues(\.histogram)
        if let range {
            for (slot, change) in slots.enumerated() where touched[slot] {
                total.cohortChanges[DayNumber.text(range.low + slot), default: CohortChange()].add(change)
            }
            if foldedTouched { total.cohortChanges[range.from, default: CohortChange()].add(foldedChange) }
        }
        return total
    }

    /// The folded cohort changes as one `CohortChange`.
    var foldedChange: CohortChange {
        var change = folded
        change.daysToClose = foldedDays.histogram
        return change
    }

    /// Nothing counted: every count zero, every histogram without values (a difference keeps
    /// its pages, with zeros), no cohort change.
    var isEmpty: Bool {
        stats == DayStats() && waits.isZero && services.isZero && channelWaits.values.allSatisfy(\.isZero)
            && !foldedTouched && !touched.contains(true)
    }

    /// Adds (or takes away) changes of a range's cohorts kept apart from any day: under the
    /// range's first cohort day `day`, where `rangeSum` puts them all.
    mutating func addRangeCohorts(_ change: CohortChange, under day: String, subtracting: Bool) {
        var kept = stats.cohortChanges[day, default: CohortChange()]
        if subtracting { kept.subtract(change) } else { kept.add(change) }
        stats.cohortChanges[day] = kept.isEmpty ? nil : kept
    }
}
