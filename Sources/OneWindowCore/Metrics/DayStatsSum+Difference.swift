/// A sum minus a part of it (`DayStats+Difference` says why): the seconds histograms page by
/// page, the rest field by field, each cohort day's changes where the sum keeps them (its
/// numbered slots or `stats.cohortChanges`).
extension DayStatsSum {
    /// Takes away `other`, all its cohort changes included (each under its own cohort day).
    mutating func subtract(_ other: DayStatsSum) {
        var rest = other.stats
        let changes = other.cohortChangesByDay
        rest.cohortChanges = [:]
        stats.subtract(rest)
        waits.subtract(other.waits)
        services.subtract(other.services)
        for (channel, histogram) in other.channelWaits {
            var left = channelWaits[channel, default: .init()]
            left.subtract(histogram)
            channelWaits[channel] = left.isZero ? nil : left
        }
        for (day, change) in changes { subtract(change, cohort: day) }
    }

    /// `self − other` (`subtract`).
    static func - (lhs: DayStatsSum, rhs: DayStatsSum) -> DayStatsSum {
        var difference = lhs
        difference.subtract(rhs)
        return difference
    }

    /// Takes away a day (or a sum of days) in `DayStats.rollup()`'s form, with its cohort
    /// changes of the cohorts from `from` to `to` (all by default): what `add(rollup:…)` added.
    mutating func subtract(rollup bytes: [UInt8], cohortsFrom from: String = "", to: String = "\u{10FFFF}")
        throws(RollupReader.Malformed)
    {
        var part = DayStatsSum()
        part.foldsCohorts = foldsCohorts
        try part.add(rollup: bytes, cohortsFrom: from, to: to)
        subtract(part)
    }

    /// Every cohort day's changes apart, the numbered slots' included.
    var cohortChangesByDay: [String: CohortChange] {
        var changes = stats.cohortChanges
        if let range {
            for (slot, change) in slots.enumerated() where touched[slot] {
                changes[DayNumber.text(range.low + slot), default: CohortChange()].add(change)
            }
            if foldedTouched { changes[range.from, default: CohortChange()].add(foldedChange) }
        }
        return changes
    }

    /// Takes `change` away from cohort `day`, from its slot if the sum keeps that day in one.
    mutating func subtract(_ change: CohortChange, cohort day: String) {
        if let range, let number = DayNumber.of(day), number >= range.low, number <= range.high, foldsCohorts {
            folded.closedLater -= change.closedLater
            folded.cancelled -= change.cancelled
            foldedDays.subtract(SecondsHistogram(change.daysToClose))
            foldedTouched = folded.closedLater != 0 || folded.cancelled != 0 || !foldedDays.isZero
            return
        }
        if let range, let number = DayNumber.of(day), number >= range.low, number <= range.high {
            let slot = number - range.low
            slots[slot].subtract(change)
            touched[slot] = !slots[slot].isEmpty
            // The same day may also sit in `stats.cohortChanges` (added as a `DayStats`).
            guard let kept = stats.cohortChanges[day] else { return }
            var merged = slots[slot]
            merged.add(kept)
            slots[slot] = merged
            touched[slot] = !merged.isEmpty
            stats.cohortChanges[day] = nil
            return
        }
        var left = stats.cohortChanges[day, default: CohortChange()]
        left.subtract(change)
        stats.cohortChanges[day] = left.isEmpty ? nil : left
    }
}
