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
