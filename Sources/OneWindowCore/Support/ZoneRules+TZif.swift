extension ZoneRules {
    /// Reads a TZif file (RFC 8536), version 1 to 4. Of a version 2+ file it reads the 64-bit
    /// second part and its footer (the POSIX TZ rule after the last transition: "slim" files,
    /// which the tzdata of many systems ships, give recent years only there). Leap-second
    /// records (the "right/" zones) are skipped, not applied.
    public init(tzif bytes: [UInt8]) throws(ZoneRulesError) {
        var reader = TZifReader(bytes: bytes)
        let first = try reader.header()
        guard first.version >= 2 else {
            self = try reader.block(first, timeSize: 4, footer: nil)
            return
        }
        try reader.skip(first.blockSize(timeSize: 4))
        let second = try reader.header()
        let blockStart = reader.position
        try reader.skip(second.blockSize(timeSize: 8))
        let footer = try reader.footer()
        reader.position = blockStart
        self = try reader.block(second, timeSize: 8, footer: footer)
    }
}

/// The six counts of a TZif header.
private struct TZifHeader {
    var version: Int
    var utIndicators, standardIndicators, leapSeconds, times, types, characters: Int

    func blockSize(timeSize: Int) -> Int {
        times * timeSize + times + types * 6 + characters + leapSeconds * (timeSize + 4)
            + standardIndicators + utIndicators
    }
}

/// A cursor over a TZif file's bytes (all numbers big-endian).
private struct TZifReader {
    let bytes: [UInt8]
    var position = 0

    mutating func skip(_ count: Int) throws(ZoneRulesError) {
        guard count >= 0, position + count <= bytes.count else { throw .truncated }
        position += count
    }

    mutating func integer(_ size: Int) throws(ZoneRulesError) -> Int64 {
        guard position + size <= bytes.count else { throw .truncated }
        var value: UInt64 = 0
        for byte in bytes[position..<position + size] { value = value << 8 | UInt64(byte) }
        position += size
        // Sign-extend from `size` bytes.
        let shift = UInt64(64 - size * 8)
        return Int64(bitPattern: value << shift) >> Int64(shift)
    }

    mutating func header() throws(ZoneRulesError) -> TZifHeader {
        guard position + 44 <= bytes.count else { throw .truncated }
        guard bytes[position..<position + 4].elementsEqual("TZif".utf8) else { throw .notTZif }
        let versionByte = bytes[position + 4]
        let version = versionByte == 0 ? 1 : Int(versionByte) - Int(UInt8(ascii: "0"))
        guard (1...9).contains(version) else { throw .notTZif }
        position += 20
        var counts: [Int] = []
        for _ in 0..<6 {
            let count = try integer(4)
            guard count >= 0, count < 1 << 20 else { throw .notTZif }
            counts.append(Int(count))
        }
        return TZifHeader(
            version: version, utIndicators: counts[0], standardIndicators: counts[1], leapSeconds: counts[2],
            times: counts[3], types: counts[4], characters: counts[5])
    }

    /// The transitions and their offsets; the offset before the first is local time type 0's.
    mutating func block(_ header: TZifHeader, timeSize: Int, footer: PosixZoneRule?) throws(ZoneRulesError)
        -> ZoneRules
    {
        guard header.types > 0 else { throw .notTZif }
        var transitions: [Int64] = []
        for _ in 0..<header.times { transitions.append(try integer(timeSize)) }
        var typeIndices: [Int] = []
        for _ in 0..<header.times { typeIndices.append(Int(try integer(1))) }
        var typeOffsets: [Int32] = []
        for _ in 0..<header.types {
            typeOffsets.append(Int32(truncatingIfNeeded: try integer(4)))
            try skip(2)  // is-DST flag, abbreviation index
        }
        guard typeIndices.allSatisfy({ $0 < header.types }),
            zip(transitions, transitions.dropFirst()).allSatisfy({ $0 < $1 })
        else { throw .notTZif }
        return ZoneRules(
            transitions: transitions, offsets: typeIndices.map { typeOffsets[$0] },
            initialOffset: typeOffsets[0], footer: footer)
    }

    /// The footer: a newline, a POSIX TZ string (perhaps empty), a newline.
    mutating func footer() throws(ZoneRulesError) -> PosixZoneRule? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\n") else { throw .truncated }
        guard let end = bytes[(position + 1)...].firstIndex(of: UInt8(ascii: "\n")) else { throw .truncated }
        let text = String(decoding: bytes[(position + 1)..<end], as: UTF8.self)
        position = end + 1
        if text.isEmpty { return nil }
        guard let rule = PosixZoneRule(text) else { throw .badFooter(text) }
        return rule
    }
}
