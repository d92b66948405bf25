import Foundation
import Testing

@testable import OneWindowCore

/// The paged histograms a range's figures are summed in give exactly the figures of the
/// dictionaries they replace.
@Suite("Seconds histograms", .timeLimit(.minutes(1)))
struct SecondsHistogramTests {
    /// A few hundred waits as a busy day has them, a long tail and values beyond a day.
    private static func day(_ seed: UInt64) -> [Int: Int] {
        var random = SeededGenerator(seed)
        var values: [Int: Int] = [:]
        for _ in 0..<400 { values[Int(random.next() % 3_600), default: 0] += 1 }
        for _ in 0..<20 { values[Int(random.next() % 86_400), default: 0] += Int(random.next() % 3) + 1 }
        values[86_400 + Int(random.next() % 1_000), default: 0] += 1
        return values
    }

    @Test("summed day by day, the figures equal those of the merged dictionaries, to the second")
    func equalFigures() {
        var merged: [Int: Int] = [:]
        var histogram = SecondsHistogram()
        for seed in 1...60 {
            let values = Self.day(UInt64(seed))
            merged.merge(values, uniquingKeysWith: +)
            if seed.isMultiple(of: 2) {
                histogram.add(values)
            } else {
                histogram.add(SecondsHistogram(values))
            }
            #expect(Distribution(histogram) == Distribution(merged), "after \(seed) days")
        }
        #expect(histogram.histogram == merged)
        #expect(Distribution(SecondsHistogram()) == Distribution([Int: Int]()))
        #expect(Distribution(SecondsHistogram([7: 1])) == Distribution([7: 1]))
        #expect(Distribution(SecondsHistogram([0: 1, 100_000: 1])) == Distribution([0: 1, 100_000: 1]))
    }

    @Test("a value on a page's edges lands on its own second, and the values come in order")
    func pageEdges() {
        let values = [255: 1, 256: 2, 511: 3, 512: 4, 86_399: 5, 86_400: 6, 0: 7]
        let histogram = SecondsHistogram(values)
        var seen: [(Int, Int)] = []
        histogram.forEach { seen.append(($0, $1)) }
        #expect(seen.map(\.0) == values.keys.sorted())
        #expect(histogram.histogram == values)
    }
}

/// SplitMix64: the same values from the same seed on every run.
struct SeededGenerator {
    private var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
