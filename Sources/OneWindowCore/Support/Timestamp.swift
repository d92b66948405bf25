import Foundation

/// Fast UTC timestamps for the hot paths (every ticket is stored and answered with its times):
/// Foundation's formatters go through ICU and cost microseconds each.
public enum Timestamp {
    /// `2026-11-28T09:05:03Z`: ISO 8601 in UTC, whole seconds, as the API shows times.
    public static func iso8601(_ date: Date) -> String {
        let parts = utc(date)
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))Z"
    }

    /// `2026-11-28 09:05:03.250`: UTC with milliseconds, the text form GRDB stores and reads for dates.
    public static func sqlite(_ date: Date) -> String {
        let parts = utc(date)
        let seconds = date.timeIntervalSince1970
        // The small nudge undoes binary representation error (0.999 is stored as 0.99899…).
        let milliseconds = min(999, Int(((seconds - seconds.rounded(.down)) * 1000 + 0.0001).rounded(.down)))
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2)) "
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(milliseconds), 3))"
    }

    /// The date `sqlite(_:)` wrote (`2026-11-28 09:05:03.250`; the milliseconds may be left
    /// out, a `T` may stand for the space), or nil for any other text. GRDB's own `Date`
    /// decoding goes through a Foundation calendar, which pages in ICU's code and data.
    public static func date(sqlite text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 19 || (bytes.count == 23 && bytes[19] == UInt8(ascii: ".")) else { return nil }
        func number(_ range: Range<Int>) -> Int32? {
            var value: Int32 = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int32(digit)
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        let milliseconds = bytes.count == 23 ? number(20..<23) : 0
        guard let milliseconds else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)) + TimeInterval(milliseconds) / 1000)
    }

    private static func utc(_ date: Date) -> tm {
        var time = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&time, &parts)
        return parts
    }

    private static func pad(_ value: Int32, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
