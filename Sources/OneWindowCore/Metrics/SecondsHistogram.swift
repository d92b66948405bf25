/// Counts per whole second, exact, in pages of 256 seconds allocated only where values fall:
/// a range's sum adds days and services page by page (a fixed array add), and walks the
/// values in order for its quantiles without sorting.
///
/// One array of 86,400 counts per histogram (`DenseHistogram` before) touched up to 675 KiB
/// for each of a year's 70 wait and service histograms: most of a 365-day query's time and of
/// the daemon's peak memory. Waits cluster in the first hours, so a few dozen pages hold them.
/// Values outside a day (a clock stepped) are kept beside the pages, exact as well.
struct SecondsHistogram: Sendable, Equatable {
    static let pageBits = 8
    static let pageSize = 1 << pageBits
    static let limit = 86_400

    /// Page number → offset of its counts in `cells`, or -1 for a page without values.
    private(set) var pages: [Int32] = []
    private(set) var cells: [Int] = []
    /// Values below 0 or from `limit` on.
    private(set) var beyond: [Int: Int] = [:]

    init() {}

    init(_ histogram: [Int: Int]) {
        for (value, count) in histogram { add(value, count) }
    }

    var isEmpty: Bool { cells.isEmpty && beyond.isEmpty }

    /// Every count zero: `== SecondsHistogram()`, without building anything (a sum that took
    /// something away keeps its pages, with zeros).
    var isZero: Bool { beyond.values.allSatisfy { $0 == 0 } && cells.allSatisfy { $0 == 0 } }

    mutating func add(_ value: Int, _ count: Int) {
        guard value >= 0, value < Self.limit else {
            beyond[value, default: 0] += count
            return
        }
        cells[cell(for: value)] += count
    }

    /// The index in `cells` of `value`, its page added if it has none yet.
    private mutating func cell(for value: Int) -> Int {
        let page = value >> Self.pageBits
        if page >= pages.count { pages.append(contentsOf: repeatElement(-1, count: page + 1 - pages.count)) }
        if pages[page] < 0 {
            pages[page] = Int32(cells.count)
            cells.append(contentsOf: repeatElement(0, count: Self.pageSize))
        }
        return Int(pages[page]) + value & (Self.pageSize - 1)
    }

    /// Page by page, without bounds checks in the loop (a city's year adds about 60,000 of
    /// them, most with dozens of pages); into an empty histogram, a copy.
    mutating func add(_ other: SecondsHistogram) {
        guard !pages.isEmpty || !beyond.isEmpty else {
            self = other
            return
        }
        for (value, count) in other.beyond { beyond[value, default: 0] += count }
        for (page, offset) in other.pages.enumerated() where offset >= 0 {
            let base = cell(for: page << Self.pageBits)
            let from = Int(offset)
            cells.withUnsafeMutableBufferPointer { cells in
                other.cells.withUnsafeBufferPointer { source in
                    for index in 0..<Self.pageSize { cells[base + index] &+= source[from + index] }
                }
            }
        }
    }

    mutating func add(_ histogram: [Int: Int]) {
        for (value, count) in histogram { add(value, count) }
    }

    /// Takes `other`'s counts away (a range as the difference of two cumulative sums). A page
    /// left with only zeros stays allocated; `forEach` and `==` do not see zeros.
    mutating func subtract(_ other: SecondsHistogram) {
        for (value, count) in other.beyond {
            let left = beyond[value, default: 0] - count
            beyond[value] = left == 0 ? nil : left
        }
        for (page, offset) in other.pages.enumerated() where offset >= 0 {
            let base = cell(for: page << Self.pageBits)
            let from = Int(offset)
            cells.withUnsafeMutableBufferPointer { cells in
                other.cells.withUnsafeBufferPointer { source in
                    for index in 0..<Self.pageSize { cells[base + index] &-= source[from + index] }
                }
            }
        }
    }

    /// Equal when every second has the same count: where pages lie, and zeros, do not matter
    /// (a sum that took something away keeps its pages).
    static func == (lhs: SecondsHistogram, rhs: SecondsHistogram) -> Bool {
        guard lhs.beyond.filter({ $0.value != 0 }) == rhs.beyond.filter({ $0.value != 0 }) else { return false }
        for page in 0..<max(lhs.pages.count, rhs.pages.count) {
            for index in 0..<pageSize where lhs.count(page, index) != rhs.count(page, index) { return false }
        }
        return true
    }

    private func count(_ page: Int, _ index: Int) -> Int {
        guard page < pages.count, pages[page] >= 0 else { return 0 }
        return cells[Int(pages[page]) + index]
    }

    /// Adds a histogram as `RollupWriter.histogram` wrote it.
    mutating func add(reading input: inout RollupReader) throws(RollupReader.Malformed) {
        var value = 0
        // The values come in ascending order: the page of one is, as a rule, the next one's.
        var page = -1
        var base = 0
        for _ in 0..<(try input.count()) {
            value += try input.int()
            let count = try input.int()
            guard value >= 0, value < Self.limit else {
                beyond[value, default: 0] += count
                continue
            }
            if value >> Self.pageBits != page {
                page = value >> Self.pageBits
                base = cell(for: value) - value & (Self.pageSize - 1)
            }
            cells[base + value & (Self.pageSize - 1)] += count
        }
    }

    /// Takes a histogram as `RollupWriter.histogram` wrote it away, as `subtract(_:)` takes
    /// away the same histogram read first (a value beyond the pages that comes to zero is removed).
    mutating func subtract(reading input: inout RollupReader) throws(RollupReader.Malformed) {
        var value = 0
        var page = -1
        var base = 0
        for _ in 0..<(try input.count()) {
            value += try input.int()
            let count = try input.int()
            guard value >= 0, value < Self.limit else {
                let left = beyond[value, default: 0] - count
                beyond[value] = left == 0 ? nil : left
                continue
            }
            if value >> Self.pageBits != page {
                page = value >> Self.pageBits
                base = cell(for: value) - value & (Self.pageSize - 1)
            }
            cells[base + value & (Self.pageSize - 1)] -= count
        }
    }

    /// Every value with a count, in ascending order.
    func forEach(_ body: (_ value: Int, _ count: Int) -> Void) {
        let below = beyond.filter { $0.key < 0 }.sorted { $0.key < $1.key }
        for (value, count) in below { body(value, count) }
        for (page, offset) in pages.enumerated() where offset >= 0 {
            for index in 0..<Self.pageSize where cells[Int(offset) + index] != 0 {
                body(page << Self.pageBits + index, cells[Int(offset) + index])
            }
        }
        for (value, count) in beyond.filter({ $0.key >= 0 }).sorted(by: { $0.key < $1.key }) { body(value, count) }
    }

    var histogram: [Int: Int] {
        var result: [Int: Int] = [:]
        forEach { value, count in result[value] = count }
        return result
    }
}
