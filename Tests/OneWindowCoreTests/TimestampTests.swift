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
}
