/// The cohort changes of a rollup (`DayStats.rollup()`'s middle section), read where the sum
/// keeps them: one read for a day's rollup added (`add(rollup:…)`) and for a running total
/// taken away (`add(rollup:minus:…)`).
extension DayStatsSum {
    /// Adds the changes of the cohorts from `from` to `to`, skips the others.
    mutating func addCohortChanges(reading input: inout RollupReader, from: String, to: String)
        throws(RollupReader.Malformed)
    {
        let numbered = numberedRange(from: from, to: to)
        for _ in 0..<(try input.count()) {
            let day = try input.day()
            let closedLater = try input.int()
            let cancelled = try input.int()
            if case .number(let number) = day, let numbered {
                guard number >= numbered.low, number <= numbered.high else {
                    try input.skipHistogram()
                    continue
                }
                if foldsCohorts {
                    foldedTouched = true
                    folded.closedLater += closedLater
                    folded.cancelled += cancelled
                    try foldedDays.add(reading: &input)
                    continue
                }
                let slot = number - numbered.low
                touched[slot] = true
                slots[slot].closedLater += closedLater
                slots[slot].cancelled += cancelled
                try input.addHistogram(into: &slots[slot].daysToClose)
                continue
            }
            let text: String
            switch day {
            case .number(let number): text = DayNumber.text(number)
            case .text(let other): text = other
            }
            guard text >= from, text <= to else {
                try input.skipHistogram()
                continue
            }
            var change = stats.cohortChanges.removeValue(forKey: text) ?? CohortChange()
            change.closedLater += closedLater
            change.cancelled += cancelled
            try input.addHistogram(into: &change.daysToClose)
            stats.cohortChanges[text] = change
        }
    }

    /// The day numbers of `from`…`to` when both are days (slots ready for them), else nil.
    private mutating func numberedRange(from: String, to: String) -> (low: Int, high: Int)? {
        if let range, range.from == from, range.to == to { return (range.low, range.high) }
        guard range == nil, let low = DayNumber.of(from), let high = DayNumber.of(to), low <= high,
            high - low < 4_000
        else { return nil }
        range = (from, to, low, high)
        let count = foldsCohorts ? 0 : high - low + 1
        slots = Array(repeating: CohortChange(), count: count)
        touched = Array(repeating: false, count: count)
        return (low, high)
    }
}
