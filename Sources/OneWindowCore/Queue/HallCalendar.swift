import Foundation

/// The hall's clock: which hall-local day an instant falls on. Ticket numbers restart each day.
///
/// Days and wall-clock times are civil-calendar arithmetic on the zone's offset from UTC. The
/// offset comes from the system's tzdata (`ZoneLibrary`) when the daemon has installed a
/// source for it, else from Foundation's `TimeZone`, which on Linux pages in ICU's time-zone
/// code and data (about 4 MiB of resident memory).
public struct HallCalendar: Sendable {
    enum Zone: Sendable {
        case rules(ZoneRules)
        case foundation(TimeZone)
    }

    let zone: Zone

    /// - Parameter timeZone: an IANA identifier already checked by the catalogue loader.
    public init(timeZone: String) {
        if let rules = ZoneLibrary.rules(for: timeZone) {
            zone = .rules(rules)
        } else {
            zone = .foundation(TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 8 * 3600)!)
        }
    }

    public init(rules: ZoneRules) {
        zone = .rules(rules)
    }

    /// Whether the zone's rules came from a TZif file (else from Foundation's `TimeZone`).
    public var readsTZif: Bool {
        if case .rules = zone { return true }
        return false
    }

    /// Whether `identifier` names a time zone the hall's calendar can use.
    public static func knows(_ identifier: String) -> Bool {
        ZoneLibrary.rules(for: identifier) != nil || TimeZone(identifier: identifier) != nil
    }

    /// The zone's offset from UTC, in seconds east, at `second` since 1970.
    func offset(at second: Int) -> Int {
        switch zone {
        case .rules(let rules): rules.offset(at: Int64(second))
        case .foundation(let timeZone):
            timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(second)))
        }
    }

    /// Hall-local seconds since 1970 (local time counted as if it were UTC) of `instant`.
    func localSecond(of instant: Date) -> Int {
        let second = Int(instant.timeIntervalSince1970.rounded(.down))
        return second + offset(at: second)
    }

    /// The hall-local date of `instant` as `yyyy-MM-dd`.
    public func day(of instant: Date) -> String {
        CivilDay(number: floorDivide(localSecond(of: instant), 86_400)).text
    }

    /// The hall-local wall-clock time of `instant`.
    public func wallClock(of instant: Date) -> (hour: Int, minute: Int, second: Int) {
        let seconds = localSecond(of: instant) - floorDivide(localSecond(of: instant), 86_400) * 86_400
        return (seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    /// The instants of the hall-local day `instant` falls on: from its midnight to the next.
    public func dayRange(of instant: Date) -> Range<Date> {
        let dayNumber = floorDivide(localSecond(of: instant), 86_400)
        let start = self.instant(localSecond: dayNumber * 86_400)
        let end = self.instant(localSecond: (dayNumber + 1) * 86_400)
        return date(start)..<date(max(end, start + 1))
    }

    /// The instant of `hour:minute` hall-local time on the day of `instant`.
    public func instant(onDayOf instant: Date, hour: Int, minute: Int) -> Date {
        let dayNumber = floorDivide(localSecond(of: instant), 86_400)
        return date(self.instant(localSecond: dayNumber * 86_400 + hour * 3600 + minute * 60))
    }

    /// The instant of `hour:minute` hall-local time on `day`; nil if `day` is not `yyyy-MM-dd`.
    func instant(day: String, hour: Int, minute: Int) -> Date? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let dayNumber = CivilDay(year: parts[0], month: parts[1], day: parts[2]).number
        return date(instant(localSecond: dayNumber * 86_400 + hour * 3600 + minute * 60))
    }

    /// The first instant whose hall-local time is `local`; in a gap (clocks put forward), the
    /// instant the gap ends, as Foundation's calendar answers.
    func instant(localSecond local: Int) -> Int {
        let before = offset(at: local - 86_400)
        let after = offset(at: local + 86_400)
        let matches = [local - max(before, after), local - min(before, after)].filter { $0 + offset(at: $0) == local }
        if let first = matches.first { return first }
        // In a gap: the first second whose local time is past `local` (local time is
        // increasing within the day around a gap).
        var low = local - max(before, after)
        var high = local - min(before, after)
        while low < high {
            let middle = floorDivide(low + high, 2)
            if middle + offset(at: middle) >= local { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private func date(_ second: Int) -> Date { Date(timeIntervalSince1970: TimeInterval(second)) }
}
