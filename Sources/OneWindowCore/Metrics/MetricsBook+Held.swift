/// The stored days a question needs that the book does not hold (`heldFrom`): the days at
/// the ends of a range outside its summed months, and those of `to`'s month up to `to` for the
/// open cases. Core reads nothing: a reader (`MetricsService`) reads these days from the
/// rollups, outside any lock, and asks a copy of the book that holds them (`holding`).
extension MetricsBook {
    /// A span of hall days, both ends included.
    public struct DaySpan: Sendable, Equatable {
        public var first: String
        public var last: String

        public init(first: String, last: String) {
            self.first = first
            self.last = last
        }
    }

    /// The spans of stored days that `report`, `sum` or `openCases` over `from`…`to` read and
    /// the book does not hold; empty when it holds them all (a range of the last three months or so).
    public func missingDays(from: String, to: String) -> [DaySpan] {
        guard !heldFrom.isEmpty, from < heldFrom, let lastMissing = Self.day(heldFrom, plus: -1) else { return [] }
        var spans: [DaySpan] = []
        func need(_ first: String, _ last: String) {
            let last = min(last, lastMissing)
            if first <= last { spans.append(DaySpan(first: first, last: last)) }
        }
        let (first, last) = summedMonths(from: from, to: to)
        if let first, let last {
            let start = Self.bounds(of: first).first
            if from != start, let before = Self.day(max(from, start), plus: -1) { need(min(from, start), before) }
            let end = Self.bounds(of: last).last
            if to != end, let after = Self.day(min(to, end), plus: 1) { need(after, max(to, end)) }
        } else {
            need(from, to)
        }
        // The open cases through `to`: the sums hold every month before `to`'s (its days are
        // older than the held ones, so those months are over), and `to`'s own month if it ends on `to`.
        let month = String(Self.month(of: to))
        if Self.bounds(of: month).last != to || monthOpenCases[month] == nil { need(Self.bounds(of: month).first, to) }
        // Overlapping spans (the open cases' and the range's end) are read once.
        var merged: [DaySpan] = []
        for span in spans.sorted(by: { $0.first < $1.first }) {
            if let last = merged.last, let next = Self.day(last.last, plus: 1), span.first <= next {
                merged[merged.count - 1].last = max(last.last, span.last)
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    /// The months whose sums a range reads (`MetricsBook+Range`) and the book does not hold
    /// (`monthsHeldFrom`): those of older years.
    public func missingMonths(from: String, to: String) -> [String] {
        sumsRead(from: from, to: to).all.filter { yearToDate[$0] == nil }.sorted()
    }

    /// A copy that holds `days` and `months` too (stored days and months' sums a reader read
    /// for `missingDays` and `missingMonths`); what it holds already stays as it is.
    public func holding(_ days: [String: [String: StoredDay]], months: [String: [String: StoredDay]] = [:])
        -> MetricsBook
    {
        var copy = self
        for (day, services) in days where copy.stored[day] == nil { copy.stored[day] = services }
        for (month, sums) in months where copy.yearToDate[month] == nil { copy.yearToDate[month] = sums }
        return copy
    }

    /// The day `offset` days from `day`, nil for text that is no day.
    static func day(_ day: String, plus offset: Int) -> String? {
        DayNumber.of(day).map { DayNumber.text($0 + offset) }
    }
}
