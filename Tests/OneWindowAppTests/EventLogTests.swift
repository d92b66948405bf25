import Foundation
import OneWindowStorage
import OneWindowTesting
import Testing

/// The event log read in pages, as the metrics and reports read it.
@Suite("Reading the event log", .timeLimit(.minutes(2)))
struct EventLogTests {
    @Test("pages of the event log join up to the whole log, in order, every field read back")
    func pages() throws {
        let day = try ManagerDay()
        defer { day.app.stop() }
        let storage = day.app.application.state.storage
        let all = try storage.queueEvents()
        #expect(all.count > 10)
        #expect(try storage.queueEvents(after: all[4].id, limit: 3) == Array(all[5..<8]))
        var paged: [OneWindowStorage.StoredEvent] = []
        while let next = try? storage.queueEvents(after: paged.last?.id ?? 0, limit: 4), !next.isEmpty {
            paged += next
        }
        #expect(paged == all)
        #expect(all.contains { $0.event.serviceId != nil && $0.event.hallDay != nil && $0.event.caseId != nil })
    }
}
