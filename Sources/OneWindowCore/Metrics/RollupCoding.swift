/// The compact form of a day's figures in the rollup tables: unsigned LEB128 varints (zigzag
/// for signed), lengths before strings and maps, map keys in order. A year of a busy hall is a
/// few megabytes, read in milliseconds at start-up, and it never needs a schema change for a
/// map's keys (seconds, days, material ids).
public struct RollupWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    public mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    /// Keys ascending, each as the difference from the one before: small numbers, few bytes.
    public mutating func histogram(_ values: [Int: Int]) {
        int(values.count)
        var previous = 0
        for (key, count) in values.sorted(by: { $0.key < $1.key }) {
            int(key - previous)
            int(count)
            previous = key
        }
    }

    public mutating func counts(_ values: [String: Int]) {
        int(values.count)
        for (key, count) in values.sorted(by: { $0.key < $1.key }) {
            string(key)
            int(count)
        }
    }
}

/// Reads what `RollupWriter` wrote; throws `RollupReader.Malformed` at the first byte that
/// does not fit, never traps.
public struct RollupReader {
    public struct Malformed: Error, Equatable {
        public let offset: Int
    }

    private let bytes: [UInt8]
    private(set) var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var atEnd: Bool { offset == bytes.count }

    public mutating func int() throws(Malformed) -> Int {
        // Most numbers of a rollup (a histogram's steps, small counts) are one byte.
        if offset < bytes.count, bytes[offset] < 0x80 {
            let value = Int(bytes[offset])
            offset += 1
            return (value >> 1) ^ -(value & 1)
        }
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Malformed(offset: offset) }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let signed = Int64(bitPattern: value)
        return Int((signed >> 1) ^ -(signed & 1))
    }

    /// The version a rollup starts with: 1, or `DayStats.rollupVersion`.
    mutating func version() throws(Malformed) -> Int {
        let version = try int()
        guard version == 1 || version == DayStats.rollupVersion else { throw Malformed(offset: 0) }
        return version
    }

    /// A length or count: never negative, never more than the bytes left could hold.
    mutating func count() throws(Malformed) -> Int {
        let value = try int()
        guard value >= 0, value <= bytes.count - offset else { throw Malformed(offset: offset) }
        return value
    }

    /// A string that `string(_:)` wrote: a day's number if it is a day, else its text.
    mutating func day() throws(Malformed) -> RollupDay {
        let length = try count()
        let range = offset..<offset + length
        offset += length
        if length == 10, let number = DayNumber.of(bytes[range]) { return .number(number) }
        return .text(String(decoding: bytes[range], as: UTF8.self))
    }

    public mutating func string() throws(Malformed) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    public mutating func histogram() throws(Malformed) -> [Int: Int] {
        let entries = try count()
        var values: [Int: Int] = [:]
        values.reserveCapacity(entries)
        var key = 0
        for _ in 0..<entries {
            key += try int()
            values[key, default: 0] += try int()
        }
        return values
    }

    /// Adds a histogram as `RollupWriter.histogram` wrote it to `values`.
    mutating func addHistogram(into values: inout [Int: Int]) throws(Malformed) {
        var key = 0
        for _ in 0..<(try count()) {
            key += try int()
            values[key, default: 0] += try int()
        }
    }

    /// Takes a histogram as `RollupWriter.histogram` wrote it away from `values`, each key as
    /// `Dictionary.subtract` takes it: a key that comes to zero is removed.
    mutating func subtractHistogram(from values: inout [Int: Int]) throws(Malformed) {
        var key = 0
        for _ in 0..<(try count()) {
            key += try int()
            let left = values[key, default: 0] - (try int())
            values[key] = left == 0 ? nil : left
        }
    }

    /// Adds counts as `RollupWriter.counts` wrote them to `values`.
    mutating func addCounts(into values: inout [String: Int]) throws(Malformed) {
        for _ in 0..<(try count()) {
            let key = try string()
            values[key, default: 0] += try int()
        }
    }

    /// Takes counts as `RollupWriter.counts` wrote them away from `values`; a key that comes to
    /// zero is removed.
    mutating func subtractCounts(from values: inout [String: Int]) throws(Malformed) {
        for _ in 0..<(try count()) {
            let key = try string()
            let left = values[key, default: 0] - (try int())
            values[key] = left == 0 ? nil : left
        }
    }

    mutating func skipHistogram() throws(Malformed) {
        for _ in 0..<(try count()) {
            _ = try int()
            _ = try int()
        }
    }

    mutating func skipCounts() throws(Malformed) {
        for _ in 0..<(try count()) {
            offset += try count()
            _ = try int()
        }
    }

    public mutating func counts() throws(Malformed) -> [String: Int] {
        let entries = try count()
        var values: [String: Int] = [:]
        for _ in 0..<entries {
            let key = try string()
            values[key, default: 0] += try int()
        }
        return values
    }
}

/// A cohort's day as read from a rollup: a number for a date, the text for anything else.
enum RollupDay {
    case number(Int)
    case text(String)
}
