import Foundation
import OneWindowCore
import Testing

@testable import OneWindowCity

@Suite("The city's day", .serialized, .timeLimit(.minutes(2)))
struct CityCalendarTests {
    @Test("the city reads its time zone from the system's tzdata, as the hall does, not through Foundation's TimeZone")
    func tzdata() throws {
        let city = try CityHarness()
        defer { city.stop() }
        #expect(city.application.calendar.readsTZif)
        #expect(city.application.calendar.day(of: Date(timeIntervalSince1970: 1_796_054_400)) == "2026-12-01")
    }
}
