import OneWindowCore
import Testing

/// The one rule for the minutes an applicant is told.
@Suite("The minutes an applicant is told", .timeLimit(.minutes(2)))
struct WaitMinutesTests {
    @Test("minutes round up, at least 1 while anyone waits, 0 only when nobody does, nil without an estimate")
    func told() {
        #expect(WaitMinutes.told(seconds: nil, waiting: true) == nil)
        #expect(WaitMinutes.told(seconds: 0, waiting: false) == 0, "nobody waits: 无需等候")
        #expect(WaitMinutes.told(seconds: 0, waiting: true) == 1, "people wait though the times round to nothing")
        #expect(WaitMinutes.told(seconds: 1, waiting: true) == 1)
        #expect(WaitMinutes.told(seconds: 60, waiting: true) == 1)
        #expect(WaitMinutes.told(seconds: 61, waiting: true) == 2)
        #expect(WaitMinutes.told(seconds: 540, waiting: false) == 9)
    }
}
