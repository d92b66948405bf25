/// A time of day on the hall's clock, written `HH:mm` (09:00, 16:30): slot starts, the hour
/// booking opens. Kept as minutes since midnight so that slots are simple arithmetic.
public struct ClockTime: Sendable, Hashable, Comparable, Encodable, CustomStringConvertible {
    public let minutes: Int

    public init(hour: Int, minute: Int) {
        minutes = hour * 60 + minute
    }

    public init(minutes: Int) {
        self.minutes = minutes
    }

    /// `HH:mm` with two digits each, 00:00–23:59; nil for anything else (9:00, 24:00, 09:60).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
            let hour = Int(String(decoding: bytes[0..<2], as: UTF8.self)),
            let minute = Int(String(decoding: bytes[3..<5], as: UTF8.self)),
            bytes[0..<2].allSatisfy({ $0 >= 48 && $0 <= 57 }), bytes[3..<5].allSatisfy({ $0 >= 48 && $0 <= 57 }),
            hour < 24, minute < 60
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    public var description: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
