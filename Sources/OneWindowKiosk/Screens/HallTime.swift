import Foundation

/// Times as the hall reads its clock: the daemon's ISO 8601 instants shown in the hall's time zone.
public struct HallTime: Sendable {
    public let timeZone: TimeZone

    public init(identifier: String?) {
        timeZone = identifier.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "Asia/Shanghai")!
    }

    /// `HH:mm`, for the title bar.
    public func clock(_ date: Date) -> String {
        format(date, "HH:mm")
    }

    /// `yyyy-MM-dd HH:mm`, for receipts.
    public func minute(_ date: Date) -> String {
        format(date, "yyyy-MM-dd HH:mm")
    }

    public func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }

    /// An API timestamp (`2026-11-29T09:00:00Z`, fractions allowed).
    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// The daemon's minutes to wait (`estimatedWaitMinutes`), in words: the client computes
    /// no minutes of its own, so every screen of the hall tells the same number.
    public static func wait(minutes: Int?, _ language: Language) -> String {
        guard let minutes else { return language.pick("暂无法估计", "unknown") }
        return language.pick("约 \(minutes) 分钟", "about \(minutes) min")
    }
}
