/// A time zone's rules as the system's tzdata writes them (TZif, RFC 8536): its offset from
/// UTC at any instant. The hall's calendar reads these rather than Foundation's `TimeZone`,
/// which on Linux runs ICU's time-zone code and data (about 4 MiB of the daemon's memory).
/// Parsed from the file's bytes here; reading the file is an adapter's job.
public struct ZoneRules: Sendable, Equatable {
    /// Seconds since 1970 at which the offset changes, ascending.
    let transitions: [Int64]
    /// The offset (seconds east of UTC) from each transition on.
    let offsets: [Int32]
    /// The offset before the first transition.
    let initialOffset: Int32
    /// The rule for instants after the last transition (the file's footer), if any.
    let footer: PosixZoneRule?

    /// A zone that is always `seconds` east of UTC.
    public init(fixedOffset seconds: Int) {
        transitions = []
        offsets = []
        initialOffset = Int32(seconds)
        footer = nil
    }

    init(transitions: [Int64], offsets: [Int32], initialOffset: Int32, footer: PosixZoneRule?) {
        self.transitions = transitions
        self.offsets = offsets
        self.initialOffset = initialOffset
        self.footer = footer
    }

    /// The zone's offset from UTC, in seconds east, at `second` since 1970.
    public func offset(at second: Int64) -> Int {
        guard let last = transitions.last else {
            return footer?.offset(at: second) ?? Int(initialOffset)
        }
        if second >= last, let footer { return footer.offset(at: second) }
        if second < transitions[0] { return Int(initialOffset) }
        var low = 0
        var high = transitions.count - 1
        // The last transition at or before `second`.
        while low < high {
            let middle = (low + high + 1) / 2
            if transitions[middle] <= second { low = middle } else { high = middle - 1 }
        }
        return Int(offsets[low])
    }
}

/// Why a TZif file was not read.
public enum ZoneRulesError: Error, Equatable {
    case notTZif
    case truncated
    case badFooter(String)
}
