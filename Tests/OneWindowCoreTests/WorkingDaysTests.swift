import OneWindowCore
import Testing

/// Deadlines counted in working days: weekends skipped, holidays too, 调休 Saturdays worked.
@Suite("Working days", .timeLimit(.minutes(2)))
struct WorkingDaysTests {
    @Test("15 working days from a Friday end on the Friday three weeks on, weekends skipped")
    func acrossWeekends() {
        #expect(WorkingDays().adding(15, to: "2026-11-27") == "2026-12-18")
        #expect(WorkingDays().adding(1, to: "2026-11-27") == "2026-11-30")
        #expect(WorkingDays().adding(0, to: "2026-11-28") == "2026-11-28")
    }

    @Test("a holiday on a weekday pushes the deadline on; a working Saturday brings it back")
    func holidaysAndWorkdays() {
        let holiday = WorkingDays(holidays: ["2026-12-01"])
        #expect(holiday.adding(15, to: "2026-11-27") == "2026-12-21")
        #expect(!holiday.isWorkingDay("2026-12-01") && holiday.isWorkingDay("2026-12-02"))
        let both = WorkingDays(holidays: ["2026-12-01"], workdays: ["2026-12-05"])
        #expect(both.isWorkingDay("2026-12-05"))
        #expect(both.adding(15, to: "2026-11-27") == "2026-12-18")
    }

    @Test("the new year is crossed like any other day")
    func newYear() {
        #expect(WorkingDays(holidays: ["2027-01-01"]).adding(3, to: "2026-12-30") == "2027-01-05")
    }
}
