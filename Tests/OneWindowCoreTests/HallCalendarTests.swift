import Foundation
import OneWindowCore
import Testing

/// Hall days on zone rules read from tzdata, held against Foundation's calendar, across
/// daylight-saving changes (a hall may configure a zone that has them).
@Suite("Hall calendar on tzdata", .timeLimit(.minutes(2)))
struct HallCalendarTests {
    static func calendar(_ identifier: String) throws -> HallCalendar {
        HallCalendar(rules: try ZoneRulesTests.rules(identifier))
    }

    static func foundation(_ identifier: String) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: identifier)!
        return calendar
    }

    static func date(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    @Test(
        "days, their ranges and 17:30 on them equal Foundation's, every 7 hours over 2025 and 2026",
        arguments: ["Asia/Shanghai", "Europe/Berlin", "America/New_York", "Australia/Sydney"])
    func agreesWithFoundation(identifier: String) throws {
        let hall = try Self.calendar(identifier)
        let reference = Self.foundation(identifier)
        var differing: [String] = []
        for second in stride(from: 1_735_689_600, to: 1_798_761_600, by: 25_200) {
            let instant = Date(timeIntervalSince1970: Double(second))
            let parts = reference.dateComponents([.year, .month, .day], from: instant)
            let day = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            let interval = reference.dateInterval(of: .day, for: instant)!
            let closing = reference.date(bySettingHour: 17, minute: 30, second: 0, of: instant)!
            if hall.day(of: instant) != day || hall.dayRange(of: instant) != interval.start..<interval.end
                || hall.instant(onDayOf: instant, hour: 17, minute: 30) != closing
            {
                differing.append("\(second)")
            }
        }
        #expect(differing.isEmpty, "\(identifier) differs at \(differing.prefix(5))")
    }

    @Test("Berlin's hall day on which clocks go forward has 23 hours; the one they go back, 25")
    func berlinChanges() throws {
        let berlin = try Self.calendar("Europe/Berlin")
        let spring = berlin.dayRange(of: Self.date("2026-03-29T12:00:00Z"))
        #expect(spring.lowerBound == Self.date("2026-03-28T23:00:00Z"))
        #expect(spring.upperBound.timeIntervalSince(spring.lowerBound) == 23 * 3600)
        let autumn = berlin.dayRange(of: Self.date("2026-10-25T12:00:00Z"))
        #expect(autumn.lowerBound == Self.date("2026-10-24T22:00:00Z"))
        #expect(autumn.upperBound.timeIntervalSince(autumn.lowerBound) == 25 * 3600)
        // The day turns at local midnight on either side of a change.
        #expect(berlin.day(of: Self.date("2026-03-28T22:59:59Z")) == "2026-03-28")
        #expect(berlin.day(of: Self.date("2026-03-28T23:00:00Z")) == "2026-03-29")
        #expect(berlin.day(of: Self.date("2026-10-25T22:59:59Z")) == "2026-10-25")
        #expect(berlin.day(of: Self.date("2026-10-25T23:00:00Z")) == "2026-10-26")
    }

    @Test("a time that clocks skip is the instant they land on; a repeated one, its first")
    func gapsAndFolds() throws {
        let berlin = try Self.calendar("Europe/Berlin")
        let skipped = berlin.instant(onDayOf: Self.date("2026-03-29T12:00:00Z"), hour: 2, minute: 30)
        #expect(skipped == Self.date("2026-03-29T01:00:00Z"))
        let repeated = berlin.instant(onDayOf: Self.date("2026-10-25T12:00:00Z"), hour: 2, minute: 30)
        #expect(repeated == Self.date("2026-10-25T00:30:00Z"))
        #expect(berlin.instant(day: "2026-10-25", at: ClockTime("02:30")!) == repeated)
        #expect(berlin.wallClock(of: Self.date("2026-10-25T01:30:00Z")) == (2, 30, 0))
    }

    @Test("the hall's day and wall clock in Shanghai, before and after 1970")
    func shanghai() throws {
        let shanghai = try Self.calendar("Asia/Shanghai")
        #expect(shanghai.day(of: Self.date("2026-11-28T15:59:59Z")) == "2026-11-28")
        #expect(shanghai.day(of: Self.date("2026-11-28T16:00:00Z")) == "2026-11-29")
        #expect(shanghai.wallClock(of: Self.date("2026-11-28T01:05:03Z")) == (9, 5, 3))
        #expect(shanghai.day(of: Date(timeIntervalSince1970: -1)) == "1970-01-01")
        #expect(shanghai.day(of: Date(timeIntervalSince1970: -28_801)) == "1969-12-31")
    }

    @Test("a day's end is its next midnight: 23 hours after the spring change's start in Berlin; nil for no day")
    func endOfDay() throws {
        let berlin = try Self.calendar("Europe/Berlin")
        #expect(berlin.end(ofDay: "2026-03-29") == Self.date("2026-03-29T22:00:00Z"))
        #expect(berlin.end(ofDay: "2026-10-25") == Self.date("2026-10-25T23:00:00Z"))
        let shanghai = try Self.calendar("Asia/Shanghai")
        #expect(shanghai.end(ofDay: "2026-12-31") == Self.date("2026-12-31T16:00:00Z"))
        #expect(shanghai.end(ofDay: "2026-02-30") == nil)
        #expect(shanghai.end(ofDay: "yesterday") == nil)
    }
}
