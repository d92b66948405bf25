import Foundation
import OneWindowTesting
import Testing

/// Cases (办件) over HTTP: a case across visits, its errors, cancelling, and what clerks see.
@Suite("Cases over HTTP", .timeLimit(.minutes(2)))
struct CaseAPITests {
    let app: TestApplication
    let kiosk: String
    let clerk: String

    init() throws {
        // 2026-11-27 10:00 in Shanghai (a Friday).
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_744_800))
        app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.clock = { clock.read() } }
        kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
        clerk = try app.createToken(role: .clerk, name: "window-1")
    }

    func issue(_ json: String) throws -> TestResponse {
        try app.post("/api/v1/tickets", token: kiosk, json: json)
    }

    /// Calls the ticket to window 1 and ends it with `body` (window added).
    func serve(_ ticket: [String: Any], _ body: String) throws -> TestResponse {
        let called = try app.post("/api/v1/windows/1/call-next", token: clerk, json: "")
        #expect((called.json["ticket"] as? [String: Any])?["id"] as? String == ticket["id"] as? String)
        return try app.post(
            "/api/v1/tickets/\(ticket["id"] as! String)/complete", token: clerk, json: #"{"window":"1",\#(body)}"#)
    }

    @Test("a needs_more visit keeps the case open; the return visit shows what was missing; completed closes it")
    func lifecycle() throws {
        defer { app.stop() }
        let first = try issue(#"{"serviceId":"T-JZ-001"}"#).json
        #expect(first["caseId"] as? String == "C20261127-0001" && first["visit"] as? Int == 1)
        #expect(first["serviceName"] as? String == "最低生活保障")
        let more = try serve(first, #""outcome":"needs_more","missingMaterials":["m2"],"note":"缺收入证明""#)
        #expect(more.status == 200, "\(more.text)")
        var record =
            try app.client.get("/api/v1/cases/C20261127-0001", headers: ["Authorization": "Bearer \(clerk)"])
            .json["case"] as? [String: Any]
        #expect(record?["state"] as? String == "open" && record?["visitsMade"] as? Int == 1)
        let visit = (record?["visits"] as? [[String: Any]])?.first
        let missing = (visit?["missingMaterials"] as? [[String: Any]])?.first
        #expect(missing?["id"] as? String == "m2" && missing?["name"] as? String == "家庭收入证明")
        #expect(visit?["note"] as? String == "缺收入证明" && visit?["outcome"] as? String == "needs_more")

        // The return visit needs only the case number; it is the case's second visit.
        let second = try issue(#"{"caseId":"c20261127-0001"}"#)
        #expect(second.status == 201 && second.json["visit"] as? Int == 2, "\(second.text)")
        #expect(second.json["serviceId"] as? String == "T-JZ-001")
        let id = try #require(second.json["id"] as? String)
        // A clerk looking at the ticket sees the earlier visit; the public does not.
        let seen = try app.client.get("/api/v1/tickets/\(id)", headers: ["Authorization": "Bearer \(clerk)"]).json
        let earlier = ((seen["case"] as? [String: Any])?["visits"] as? [[String: Any]])?.first
        #expect(earlier?["outcome"] as? String == "needs_more")
        #expect(try app.client.get("/api/v1/tickets/\(id)").json["case"] == nil)
        #expect(try issue(#"{"caseId":"C20261127-0001"}"#).errorCode == "case_visit_open")

        #expect(try serve(second.json, #""outcome":"completed""#).status == 200)
        record =
            try app.client.get("/api/v1/cases/C20261127-0001", headers: ["Authorization": "Bearer \(kiosk)"])
            .json["case"] as? [String: Any]
        #expect(record?["state"] as? String == "closed" && record?["visitsMade"] as? Int == 2)
        #expect(record?["closedAt"] != nil)
        // A kiosk (applicants) does not see the clerks' notes.
        #expect((record?["visits"] as? [[String: Any]])?.first?["note"] == nil)
        let again = try issue(#"{"caseId":"C20261127-0001"}"#)
        #expect(again.status == 409 && again.errorCode == "case_closed")
    }

    @Test("a case number that is unknown, for another service, or with a ticket still open is refused")
    func returnErrors() throws {
        defer { app.stop() }
        let unknown = try issue(#"{"caseId":"C20200101-0001"}"#)
        #expect(unknown.status == 404 && unknown.errorCode == "case_not_found")
        let first = try issue(#"{"serviceId":"T-JZ-001"}"#).json
        let caseId = try #require(first["caseId"] as? String)
        _ = try serve(first, #""outcome":"needs_more","missingMaterials":["m1"]"#)
        let other = try issue(#"{"serviceId":"T-HY-001","caseId":"\#(caseId)"}"#)
        #expect(other.status == 422 && other.errorCode == "case_service_mismatch")
        #expect(try issue(#"{}"#).errorCode == "malformed_body")
        #expect(try issue(#"{"serviceId":"T-JZ-001","caseId":"\#(caseId)"}"#).status == 201)
    }

    @Test("ending a visit checks its outcome: materials for needs_more, a note for rejected")
    func outcomeRules() throws {
        defer { app.stop() }
        let ticket = try issue(#"{"serviceId":"T-JZ-001"}"#).json
        _ = try app.post("/api/v1/windows/1/call-next", token: clerk, json: "")
        let path = "/api/v1/tickets/\(ticket["id"] as! String)/complete"
        let none = try app.post(path, token: clerk, json: #"{"window":"1","outcome":"needs_more"}"#)
        #expect(none.status == 422 && none.errorCode == "missing_materials_required")
        let unknown = try app.post(
            path, token: clerk, json: #"{"window":"1","outcome":"needs_more","missingMaterials":["m1","m9"]}"#)
        #expect(unknown.status == 422 && unknown.errorCode == "unknown_material")
        #expect(unknown.text.contains("m9"))
        let bare = try app.post(path, token: clerk, json: #"{"window":"1","outcome":"rejected","note":"  "}"#)
        #expect(bare.status == 422 && bare.errorCode == "note_required")
        let odd = try app.post(path, token: clerk, json: #"{"window":"1","outcome":"done"}"#)
        #expect(odd.status == 400 && odd.errorCode == "malformed_body")
        let rejected = try app.post(path, token: clerk, json: #"{"window":"1","outcome":"rejected","note":"不符合条件"}"#)
        #expect(rejected.status == 200)
        let record =
            try app.client.get(
                "/api/v1/cases/\(ticket["caseId"] as! String)", headers: ["Authorization": "Bearer \(clerk)"]
            ).json["case"] as? [String: Any]
        #expect(record?["state"] as? String == "closed")
    }

    @Test("accepted closes the case; a cancelled case takes no visits and is not closed")
    func acceptedAndCancelled() throws {
        defer { app.stop() }
        let accepted = try issue(#"{"serviceId":"T-JZ-001"}"#).json
        _ = try serve(accepted, #""outcome":"accepted""#)
        let closed = try app.client.get(
            "/api/v1/cases/\(accepted["caseId"] as! String)", headers: ["Authorization": "Bearer \(clerk)"])
        #expect((closed.json["case"] as? [String: Any])?["state"] as? String == "closed")

        let first = try issue(#"{"serviceId":"T-JZ-002"}"#).json
        let caseId = try #require(first["caseId"] as? String)
        let open = try app.post("/api/v1/cases/\(caseId)/cancel", token: clerk, json: #"{"reason":"申请人撤回"}"#)
        #expect(open.status == 409 && open.errorCode == "case_visit_open")
        _ = try serve(first, #""outcome":"needs_more","missingMaterials":["m1"]"#)
        let refused = try app.post("/api/v1/cases/\(caseId)/cancel", token: kiosk, json: #"{"reason":"x"}"#)
        #expect(refused.status == 403)
        let cancelled = try app.post("/api/v1/cases/\(caseId)/cancel", token: clerk, json: #"{"reason":"申请人撤回"}"#)
        let record = cancelled.json["case"] as? [String: Any]
        #expect(cancelled.status == 200 && record?["state"] as? String == "cancelled", "\(cancelled.text)")
        #expect(record?["cancelReason"] as? String == "申请人撤回" && record?["closedAt"] == nil)
        #expect(
            try app.post("/api/v1/cases/\(caseId)/cancel", token: clerk, json: #"{"reason":"x"}"#).errorCode
                == "case_cancelled")
        #expect(try issue(#"{"caseId":"\#(caseId)"}"#).errorCode == "case_cancelled")
    }

    @Test("cases and their visits survive a restart, and case numbers go on")
    func afterRestart() throws {
        let first = try issue(#"{"serviceId":"T-JZ-001"}"#).json
        _ = try serve(first, #""outcome":"needs_more","missingMaterials":["m2"]"#)
        let database = app.application.configuration.databasePath
        let clock = app.application.configuration.clock
        app.application.stop()
        let restarted = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.databasePath = database
            $0.clock = clock
        }
        defer {
            restarted.stop()
            app.directory.remove()
        }
        let back = try restarted.post("/api/v1/tickets", token: kiosk, json: #"{"caseId":"C20261127-0001"}"#)
        #expect(back.status == 201 && back.json["visit"] as? Int == 2, "\(back.text)")
        let next = try restarted.post("/api/v1/tickets", token: kiosk, json: #"{"serviceId":"T-JZ-002"}"#)
        #expect(next.json["caseId"] as? String == "C20261127-0002")
    }
}
