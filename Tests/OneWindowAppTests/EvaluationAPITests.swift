import Foundation
import OneWindowTesting
import Testing

/// 好差评 over HTTP: once per visit, only for visits that ended, bad reviews followed up. The
/// channels and their hostile cases are in `RatingChannelTests`.
@Suite("Evaluations over HTTP", .timeLimit(.minutes(2)))
struct EvaluationAPITests {
    let app: TestApplication
    let clock: ManualClock
    let kiosk: String
    let clerk: String
    let admin: String
    let catalogue: TemporaryDirectory

    init() throws {
        // A catalogue whose hall has a holiday on Tuesday 2026-12-01.
        catalogue = try TemporaryDirectory()
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue))
        var document = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var hall = document["hall"] as! [String: Any]
        hall["holidays"] = ["2026-12-01"]
        document["hall"] = hall
        let path = catalogue.path("services.json")
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
        clock = ManualClock(Date(timeIntervalSince1970: 1_795_744_800))  // Friday 2026-11-27, 10:00 in Shanghai
        let clock = clock
        app = try TestApplication(catalogue: path) { $0.clock = { clock.read() } }
        kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
        clerk = try app.createToken(role: .clerk, name: "window-1")
        admin = try app.createToken(role: .admin, name: "manager")
    }

    func stop() {
        app.stop()
        catalogue.remove()
    }

    /// Issues a ticket and, unless `end` is false, calls and completes it; returns it.
    func visit(end: Bool = true) throws -> [String: Any] {
        let ticket = try app.post("/api/v1/tickets", token: kiosk, json: #"{"serviceId":"T-JZ-001"}"#).json
        guard end else { return ticket }
        _ = try app.post("/api/v1/windows/1/call-next", token: clerk, json: "")
        _ = try app.post(
            "/api/v1/tickets/\(ticket["id"] as! String)/complete", token: clerk,
            json: #"{"window":"1","outcome":"completed"}"#)
        return ticket
    }

    /// Rates at the kiosk with the receipt's code (`code`, else the ticket's own from `visit`).
    func rate(
        _ ticket: [String: Any], by reference: String? = nil, _ rating: Int, code: String? = nil,
        token: String? = nil
    ) throws -> TestResponse {
        let code = code ?? ticket["evaluationCode"] as? String ?? ""
        let reasons = rating <= 2 ? #","reasons":["efficiency"]"# : ""
        return try app.post(
            "/api/v1/tickets/\(reference ?? ticket["number"] as! String)/evaluation", token: token ?? kiosk,
            json: #"{"rating":\#(rating),"comment":"等得太久","code":"\#(code)"\#(reasons)}"#)
    }

    @Test("a visit that ended is rated once, by its number or its id; a waiting one is not")
    func onceAfterTheVisit() throws {
        defer { stop() }
        let done = try visit()
        let rated = try rate(done, by: (done["number"] as! String).lowercased(), 5)
        #expect(rated.status == 201, "\(rated.text)")
        let evaluation = rated.json["evaluation"] as? [String: Any]
        #expect(evaluation?["level"] as? String == "非常满意" && evaluation?["bad"] as? Bool == false)
        #expect(evaluation?["id"] as? String == "E20261127-0001")
        #expect(evaluation?["channel"] as? String == "kiosk" && (evaluation?["reasons"] as? [String]) == [])
        let twice = try rate(done, by: done["id"] as? String, 4)
        #expect(twice.status == 409 && twice.errorCode == "already_evaluated")
        let waiting = try visit(end: false)
        let early = try rate(waiting, 3)
        #expect(early.status == 409 && early.errorCode == "visit_not_ended")
        #expect(try rate(done, 6).status == 400)
        #expect(try rate(done, by: "Z999", 5).errorCode == "ticket_not_found")
        #expect(try rate(done, 5, token: clerk).status == 403)
    }

    @Test("a bad review is due in 15 working days, holidays skipped; it turns overdue, then is rectified")
    func badReviewFollowUp() throws {
        defer { stop() }
        let done = try visit()
        let bad = try rate(done, 2).json["evaluation"] as? [String: Any]
        #expect(bad?["bad"] as? Bool == true && bad?["rectifyBy"] as? String == "2026-12-21")
        #expect(bad?["reasons"] as? [String] == ["efficiency"] && bad?["comment"] as? String == "等得太久")
        _ = try rate(try visit(), 5)
        let id = try #require(bad?["id"] as? String)
        func list() throws -> [[String: Any]] {
            try app.client.get("/api/v1/evaluations?bad=true", headers: ["Authorization": "Bearer \(admin)"])
                .json["evaluations"] as? [[String: Any]] ?? []
        }
        #expect(try list().map { $0["id"] as? String } == [id])
        #expect(try list().first?["overdue"] as? Bool == false)
        #expect(try app.client.get("/api/v1/evaluations", headers: ["Authorization": "Bearer \(clerk)"]).status == 403)
        clock.advance(25 * 86_400)  // 2026-12-22
        #expect(try list().first?["overdue"] as? Bool == true)
        let rectify = "/api/v1/evaluations/\(id)/rectify"
        #expect(try app.post(rectify, token: admin, json: #"{"note":" "}"#).errorCode == "note_required")
        let fixed = try app.post(rectify, token: admin, json: #"{"note":"已约谈窗口人员，增开窗口"}"#)
        #expect(fixed.status == 200, "\(fixed.text)")
        #expect(try list().first?["overdue"] as? Bool == false)
        #expect(try list().first?["rectification"] as? String == "已约谈窗口人员，增开窗口")
        #expect(try app.post(rectify, token: admin, json: #"{"note":"again"}"#).errorCode == "already_rectified")
        #expect(
            try app.post("/api/v1/evaluations/E20200101-0001/rectify", token: admin, json: #"{"note":"x"}"#).status
                == 404)
    }

    @Test("a visit not rated on its day cannot be rated the next day: it counts as not evaluated")
    func sameDayOnly() throws {
        defer { stop() }
        let done = try visit()
        clock.advance(86_400)
        #expect(try rate(done, 5).status == 404)
        #expect(try rate(done, by: done["id"] as? String, 5).status == 404)
    }
}
