import Foundation
import OneWindowTesting
import Testing

/// A board away for long replays everything it missed, however much, and its first event names
/// the last committed one.
@Suite("Board replay", .timeLimit(.minutes(2)))
struct BoardReplayTests {
    @Test("the state event carries the last committed event's id; a replay after 1,500 events has them all, in order")
    func longReplay() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        #expect(try app.issue(token: kiosk, service: "T-JZ-001").status == 201)
        let board = try EventStreamClient(port: app.port, path: "/api/v1/events")
        #expect(board.read(until: "event: state"))
        let state = try #require(board.events("state").first)
        let last = try #require(state["lastEventId"] as? Int)
        #expect(board.text.contains("id: \(last)\nevent: state"))
        let finished = TestApplication.concurrently(4) { worker in
            for _ in 0..<375 { _ = try? app.issue(token: kiosk, service: "T-JZ-001") }
        }
        #expect(finished, "the concurrent requests did not finish in time")
        let again = try EventStreamClient(
            port: app.port, path: "/api/v1/events", headers: ["Last-Event-ID": "\(last)"], timeoutSeconds: 30)
        #expect(again.read(until: "C1501"), "the replay stopped early")
        let issued = again.events("issued")
        // Observers hear of a group before its answers, so the state's id covers the first ticket.
        let expected = try app.application.state.storage.queueEvents(after: Int64(last)).filter {
            $0.event.kind == .issued
        }
        #expect(issued.count == expected.count && issued.count == 1500)
        let numbers = Set(issued.compactMap { $0["number"] as? String })
        let missing = (2...1501).map { "C\($0 < 1000 ? String(format: "%03d", $0) : String($0))" }.filter {
            !numbers.contains($0)
        }
        #expect(missing.isEmpty, "missing: \(missing.prefix(20)); text length \(again.text.count)")
        let ids = issued.compactMap { $0["id"] as? Int }
        let repeated = Dictionary(grouping: issued.compactMap { $0["number"] as? String }, by: { $0 }).filter {
            $0.value.count > 1
        }
        #expect(repeated.isEmpty, "delivered twice: \(repeated.keys.sorted())")
        #expect(ids == ids.sorted() && Set(ids).count == ids.count && ids.allSatisfy { $0 > last })
    }
}
