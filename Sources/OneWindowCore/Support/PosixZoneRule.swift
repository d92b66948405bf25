/// A POSIX TZ rule, as a TZif footer gives it: `CST-8`, `CET-1CEST,M3.5.0,M10.5.0/3`,
/// `<+0330>-3:30`. Offsets in the string count west of UTC; this type keeps them east.
struct PosixZoneRule: Sendable, Equatable {
    /// Standard time's offset, seconds east of UTC.
    let standardOffset: Int
    /// Daylight time's offset and when it starts and ends, if the zone has it.
    let daylight: Daylight?

    struct Daylight: Sendable, Equatable {
        let offset: Int
        let start: RuleDate
        let end: RuleDate
    }

    /// A day of the year and a local time on it.
    enum RuleDate: Sendable, Equatable {
        /// `Jn`: day 1 to 365, 29 February never counted.
        case julian(day: Int, time: Int)
        /// `n`: day 0 to 365, 29 February counted.
        case zeroBased(day: Int, time: Int)
        /// `Mm.w.d`: weekday d (0 Sunday) of week w (5 the last) of month m.
        case monthWeek(month: Int, week: Int, weekday: Int, time: Int)
    }

    init?(_ text: String) {
        var scanner = PosixZoneScanner(Array(text.utf8))
        guard scanner.name(), let standardWest = scanner.offset(hoursUpTo: 24) else { return nil }
        standardOffset = -standardWest
        if scanner.atEnd {
            daylight = nil
            return
        }
        guard scanner.name() else { return nil }
        var daylightOffset = standardOffset + 3600
        if !scanner.atEnd, scanner.peek != UInt8(ascii: ",") {
            guard let west = scanner.offset(hoursUpTo: 24) else { return nil }
            daylightOffset = -west
        }
        guard scanner.take(","), let start = scanner.ruleDate(), scanner.take(","), let end = scanner.ruleDate(),
            scanner.atEnd
        else { return nil }
        daylight = Daylight(offset: daylightOffset, start: start, end: end)
    }

    /// The offset, seconds east of UTC, at `second` since 1970.
    func offset(at second: Int64) -> Int {
        guard let daylight else { return standardOffset }
        let year = CivilDay(number: floorDivide(Int(second) + standardOffset, 86_400)).year
        // Daylight time starts at a local standard time and ends at a local daylight time.
        let starts = daylight.start.localSecond(in: year) - standardOffset
        let ends = daylight.end.localSecond(in: year) - daylight.offset
        let instant = Int(second)
        let inDaylight = starts < ends ? (starts <= instant && instant < ends) : !(ends <= instant && instant < starts)
        return inDaylight ? daylight.offset : standardOffset
    }
}

extension PosixZoneRule.RuleDate {
    /// Seconds since 1970 of this date's local time in `year`, as if local time were UTC.
    func localSecond(in year: Int) -> Int {
        let january = CivilDay(year: year, month: 1, day: 1).number
        switch self {
        case .julian(let day, let time):
            let leapShift = CivilDay.isLeap(year) && day >= 60 ? 1 : 0
            return (january + day - 1 + leapShift) * 86_400 + time
        case .zeroBased(let day, let time):
            return (january + day) * 86_400 + time
        case .monthWeek(let month, let week, let weekday, let time):
            let first = CivilDay(year: year, month: month, day: 1)
            var day = 1 + (weekday - first.weekday + 7) % 7 + (week - 1) * 7
            while day > CivilDay.days(inMonth: month, of: year) { day -= 7 }
            return (first.number + day - 1) * 86_400 + time
        }
    }
}
