/// A distribution's figures straight from a histogram's pages.
extension Distribution {
    /// The same figures as `init(_: [Int: Int])` of the same values (the tests hold them
    /// equal), read in one pass over the counts and one more, in order, that stops at the p90:
    /// a city's year builds about 30,000 of them, over pages that reach far past the p90.
    init(_ histogram: SecondsHistogram) {
        let (count, total) = histogram.countAndTotal
        self.count = count
        guard count > 0 else { return }
        mean = (Double(total) / Double(count) * 10).rounded() / 10
        (median, p90) = histogram.ranks((count + 1) / 2, Int((Double(count) * 0.9).rounded(.up)))
    }
}

extension SecondsHistogram {
    /// How many values, and their sum.
    var countAndTotal: (count: Int, total: Int) {
        var (count, total) = (0, 0)
        for (value, times) in beyond {
            count += times
            total += value * times
        }
        cells.withUnsafeBufferPointer { cells in
            for (page, offset) in pages.enumerated() where offset >= 0 {
                let first = page << Self.pageBits
                // Wrapping: no check in the loop, so that it runs vectorised; a year's waits
                // come to about 10^11 seconds, far from Int.max.
                for index in 0..<Self.pageSize {
                    let times = cells[Int(offset) + index]
                    count &+= times
                    total &+= (first &+ index) &* times
                }
            }
        }
        return (count, total)
    }

    /// The values at ranks `low` and `high` (`low` <= `high`) of the values in order: where the
    /// running count first reaches each, counting only values with a count (as `forEach`).
    func ranks(_ low: Int, _ high: Int) -> (Int?, Int?) {
        var seen = 0
        var found: (Int?, Int?) = (nil, nil)
        func visit(_ value: Int, _ times: Int) -> Bool {
            seen += times
            if found.0 == nil, seen >= low { found.0 = value }
            if found.1 == nil, seen >= high { found.1 = value }
            return found.0 != nil && found.1 != nil
        }
        for (value, times) in beyond.filter({ $0.key < 0 && $0.value != 0 }).sorted(by: { $0.key < $1.key })
        where visit(value, times) { return found }
        let done = cells.withUnsafeBufferPointer { cells in
            for (page, offset) in pages.enumerated() where offset >= 0 {
                for index in 0..<Self.pageSize where cells[Int(offset) + index] != 0 {
                    if visit(page << Self.pageBits + index, cells[Int(offset) + index]) { return true }
                }
            }
            return false
        }
        if done { return found }
        for (value, times) in beyond.filter({ $0.key >= 0 && $0.value != 0 }).sorted(by: { $0.key < $1.key })
        where visit(value, times) { return found }
        return found
    }
}
