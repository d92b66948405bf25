import Foundation
import GRDB
import OneWindowTesting
import Testing

/// The disclosure's bad reviews, counted from the stored evaluations (the metrics book keeps
/// only the open ones): due = past the deadline or rectified; in time = rectified before the
/// end of the deadline's hall day, in the hall's time zone (Shanghai, 8 hours ahead of UTC).
@Suite("Disclosure: bad reviews rectified in time", .timeLimit(.minutes(2)))
struct DisclosureBadReviewTests {
    @Test("a review rectified late on its deadline's hall day is in time, one rectified after midnight is not")
    func rectifiedInTime() throws {
        let hall = try EvaluationAPITests()
        defer { hall.stop() }
        // Friday 2026-11-27: ten first visits, four rated badly (due 2026-12-21), one well.
        var bad: [String] = []
        for visit in 1...10 {
            let ticket = try hall.visit()
            guard visit <= 5 else { continue }
            let rated = try hall.rate(ticket, visit == 5 ? 5 : visit % 2 + 1)
            #expect(rated.status == 201, "\(rated.text)")
            if visit < 5, let id = (rated.json["evaluation"] as? [String: Any])?["id"] as? String { bad.append(id) }
        }
        #expect(bad.count == 4)
        func rectify(_ id: String) throws {
            let fixed = try hall.app.post(
                "/api/v1/evaluations/\(id)/rectify", token: hall.admin, json: #"{"note":"已约谈窗口人员"}"#)
            #expect(fixed.status == 200, "\(fixed.text)")
        }
        hall.clock.advance(2_095_200)  // 2026-12-21 16:00 in Shanghai, the deadline's day
        try rectify(bad[0])
        hall.clock.advance(30_600)  // 2026-12-22 00:30 in Shanghai, still 2026-12-21 in UTC
        try rectify(bad[1])
        hall.clock.advance(34_200)  // 2026-12-22 10:00: a bad review made in December, not due yet
        _ = try hall.rate(try hall.visit(), 1)
        let state = hall.app.application.state
        let last = try state.storage.lastQueueEventId()
        let deadline = Date().addingTimeInterval(5)
        while state.metrics.read(\.lastEventId) < last, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(state.metrics.read(\.lastEventId) == last, "the fold has every event")

        let book = state.metrics.read(\.badReviews)
        #expect(Set(book.keys) == Set(bad[2...] + ["E20261222-0001"]), "the book keeps the open ones only")
        let response = try hall.app.client.get("/api/v1/disclosure")
        #expect(response.status == 200, "\(response.text)")
        let months = response.json["months"] as? [[String: Any]] ?? []
        let november = try #require(months.first { $0["period"] as? String == "2026-11" })
        let december = try #require(months.first { $0["period"] as? String == "2026-12" })
        let year = try #require(response.json["yearToDate"] as? [String: Any])
        for (name, period) in [("November", november), ("the year", year)] {
            for figures in [DisclosureTests.figures(period, "T-JZ-001"), period["hall"] as? [String: Any]] {
                #expect(figures?["insufficientSample"] as? Bool == false, "\(name)")
                #expect(figures?["badReviewsDue"] as? Int == 4, "\(name): two rectified, two overdue")
                #expect(figures?["badRectifiedInTimeShare"] as? Double == 0.25, "\(name): one of four in time")
            }
        }
        #expect((december["hall"] as? [String: Any])?["badReviewsDue"] as? Int == 0, "December's is not due yet")
    }

    @Test("when the bad reviews cannot be read, the disclosure answers 503 storage_unavailable, and 200 once they can")
    func unreadable() throws {
        let hall = try EvaluationAPITests()
        defer { hall.stop() }
        _ = try hall.rate(try hall.visit(), 1)
        let other = try DatabaseQueue(
            path: hall.app.directory.path("onewindow.sqlite"), configuration: .waitingForLocks)
        try other.write { try $0.execute(sql: "ALTER TABLE evaluation RENAME TO evaluation_away") }
        let failed = try hall.app.client.get("/api/v1/disclosure")
        #expect(failed.status == 503 && failed.errorCode == "storage_unavailable", "\(failed.text)")
        #expect(failed.headers["retry-after"] == "1")
        let page = try hall.app.client.get("/disclosure")
        #expect(page.status == 503 && page.headers["content-type"]?.hasPrefix("text/html") == true)
        try other.write { try $0.execute(sql: "ALTER TABLE evaluation_away RENAME TO evaluation") }
        let answered = try hall.app.client.get("/api/v1/disclosure")
        #expect(answered.status == 200, "\(answered.text)")
        #expect((answered.json["yearToDate"] as? [String: Any])?["hall"] != nil)
    }
}
