import Foundation
import OneWindowCore
import Testing

@Suite("Fast timestamps", .timeLimit(.minutes(2)))
struct TimestampTests {
    @Test(
        "ISO 8601 and SQLite forms agree with Foundation's formatters",
        arguments: [0, 1_795_827_903.25, 951_782_400.999])
    func agreesWithFoundation(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(Timestamp.iso8601(date) == date.formatted(.iso8601))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
        #expect(Timestamp.sqlite(date) == formatter.string(from: date))
    }

    @Test(
        "the SQLite form reads back to the millisecond, as GRDB reads it",
        arguments: [0, 1_795_827_903.25, 951_782_400.999, 1_764_892_799.001])
    func readsBack(seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        let read = try #require(Timestamp.date(sqlite: Timestamp.sqlite(date)))
        #expect(abs(read.timeIntervalSince1970 - seconds) < 0.0005)
        #expect(Timestamp.sqlite(read) == Timestamp.sqlite(date))
    }

    @Test("the SQLite form without milliseconds or with a T reads; other text does not")
    func readsForms() {
        #expect(Timestamp.date(sqlite: "2026-11-28 01:05:03")?.timeIntervalSince1970 == 1_795_827_903)
        #expect(Timestamp.date(sqlite: "2026-11-28T01:05:03.500")?.timeIntervalSince1970 == 1_795_827_903.5)
        for text in [
            "", "2026-11-28", "2026-11-28 09:05", "2026-13-28 09:05:03", "2026-11-28 24:00:00",
            "2026-11-28 09:05:03.5", "2026-11-28 09:05:03,250", "2026/11/28 09:05:03", "2026-11-28 09:05:0x", "１",
        ] {
            #expect(Timestamp.date(sqlite: text) == nil, "\(text)")
        }
    }
}
