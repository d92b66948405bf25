import Foundation
import OneWindowTesting
import Testing

/// The event log read by column position (for whole-log reads) equals the record decoding.
@Suite("Reading the event log")
struct EventLogTests {
    @Test("eventLog gives exactly the events queueEvents gives, page by page")
    func sameEvents() throws {
        let day = try ManagerDay()
        defer { day.app.stop() }
        let storage = day.app.application.state.storage
        let all = try storage.queueEvents()
        #expect(all.count > 10)
        #expect(try storage.eventLog(after: 0, limit: .max) == all)
        #expect(try storage.eventLog(after: all[4].id, limit: 3) == Array(all[5..<8]))
    }
}
