import Foundation
import OneWindowTesting
import Testing

/// A bad review's follow-up through the admin API: 待整改 → 整改中 → 已整改 → 已回访, in order.
@Suite("A bad review's follow-up over the API", .timeLimit(.minutes(2)))
struct FollowUpAPITests {
    @Test(
        "the steps go in order, each once; a wrong step, an empty note or a good review is refused and changes nothing")
    func stepsInOrder() throws {
        let receiver = try PushReceiver()
        defer { receiver.stop() }
        let hall = try OutboxPushTests.Hall(pushingTo: receiver.port)
        defer { hall.app.stop() }
        let bad = try #require(try hall.rate(try hall.visit(), 1).json["evaluation"] as? [String: Any])
        let id = try #require(bad["id"] as? String)
        #expect(bad["followUpState"] as? String == "pending")
        let early = try hall.followUp(id, "visited_back", "满意")
        #expect(early.status == 409 && early.errorCode == "not_rectified_yet")
        #expect(try hall.followUp(id, "done", "x").status == 400)
        #expect(try hall.followUp(id, "note", "  ").errorCode == "note_required")
        let noted = try hall.followUp(id, "note", "已约谈")
        #expect((noted.json["evaluation"] as? [String: Any])?["followUpState"] as? String == "in_progress")
        let again = try hall.followUp(id, "note", "已约谈并培训")
        #expect((again.json["evaluation"] as? [String: Any])?["progressNote"] as? String == "已约谈并培训")
        // Without a step, as admin tools have always called it: the rectification.
        let rectified = try hall.app.post(
            "/api/v1/evaluations/\(id.lowercased())/rectify", token: hall.admin, json: #"{"note":"增设提醒"}"#)
        #expect((rectified.json["evaluation"] as? [String: Any])?["followUpState"] as? String == "rectified")
        #expect(try hall.followUp(id, "note", "再记一笔").errorCode == "already_rectified")
        #expect(try hall.followUp(id, "rectified", "再整改").errorCode == "already_rectified")
        let visited = try hall.followUp(id, "visited_back", "申请人满意")
        let view = visited.json["evaluation"] as? [String: Any]
        #expect(view?["followUpState"] as? String == "visited_back" && view?["visitBackResult"] as? String == "申请人满意")
        #expect(try hall.followUp(id, "visited_back", "再回访").errorCode == "already_visited_back")
        let good = try #require(try hall.rate(try hall.visit(), 5).json["evaluation"] as? [String: Any])
        #expect(try hall.followUp(good["id"] as! String, "note", "x").errorCode == "not_a_bad_review")
        #expect(try hall.followUp("E20990101-0001", "note", "x").status == 404)
        #expect(
            try hall.app.post("/api/v1/evaluations/\(id)/rectify", token: hall.clerk, json: #"{"note":"x"}"#).status
                == 403)
        #expect(
            try hall.app.post("/api/v1/evaluations/\(id)/rectify", token: hall.admin, json: #"{"step":"note"}"#).status
                == 400)
        // One record per accepted step, and none for the refused ones.
        let records = try hall.app.application.state.storage.outboxRecords(topic: "evaluation")
        #expect(records.filter { $0.key == id }.count == 5, "rated, two notes, rectified, visited back")
    }
}
