import Foundation
import GRDB
import OneWindowCore
import OneWindowStorage
import Testing

/// Records read their dates from the text the queue writes, by hand, not through GRDB's
/// Foundation calendar (which pages in ICU); other forms GRDB accepts still read.
@Suite("Dates read as text", .timeLimit(.minutes(2)))
struct TextDatesTests {
    @Test("Timestamp's text reads to the millisecond; GRDB's shorter forms and numbers still read")
    func forms() throws {
        func token(created: (any DatabaseValueConvertible)?) throws -> DeviceTokenRecord {
            try DeviceTokenRecord(
                row: Row(["name": "kiosk-1", "role": "kiosk", "window": nil, "created_at": created, "revoked_at": nil]))
        }
        let date = Date(timeIntervalSince1970: 1_795_827_903.25)
        #expect(try token(created: Timestamp.sqlite(date)).createdAt == date)
        #expect(try token(created: "2026-11-28T01:05:03.250").createdAt == date)
        #expect(try token(created: "2026-11-28 01:05").createdAt == Date(timeIntervalSince1970: 1_795_827_900))
        #expect(try token(created: "2026-11-28").createdAt == Date(timeIntervalSince1970: 1_795_824_000))
        #expect(try token(created: 1_795_827_903).createdAt == Date(timeIntervalSince1970: 1_795_827_903))
        #expect(throws: (any Error).self) { try token(created: "not a date") }
    }
}
