import Foundation
import OneWindowApp
import OneWindowCore
import OneWindowTesting
import Testing

/// The queue holds only the cases of the day's tickets: an open case of an earlier day is read
/// from the database when something needs it (a year's hall had 71,661 open at each start).
@Suite("Open cases of earlier days stay in the database", .timeLimit(.minutes(2)))
struct OpenCasesInStorageTests {
    @Test(
        "an earlier day's open case is not in memory, yet a reload's check names it, a rename moves it, and it returns"
    )
    func earlierOpenCase() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("services.json")
        try FileManager.default.copyItem(atPath: Fixtures.validCatalogue, toPath: path)
        let clock = ManualClock(ScriptedMonth.start)
        let app = try TestApplication(catalogue: path) {
            $0.cataloguePath = path
            $0.clock = { clock.read() }
        }
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
        let clerk = try app.createToken(role: .clerk, name: "window-1")
        let ticket = try app.issue(token: kiosk, service: "T-JZ-001").json
        let caseId = try #require(ticket["caseId"] as? String)
        let auth = ["Authorization": "Bearer \(clerk)"]
        #expect(try app.client.send("POST", "/api/v1/windows/1/call-next", headers: auth).status == 200)
        let ended = try app.post(
            "/api/v1/tickets/\(ticket["id"] as! String)/complete", token: clerk,
            json: #"{"window":"1","outcome":"needs_more","missingMaterials":["m2"]}"#)
        #expect(ended.status == 200, "\(ended.text)")
        clock.advance(86_400)
        #expect(try app.issue(token: kiosk, service: "T-JZ-002").status == 201, "the next day")
        #expect(app.application.state.queue.read { $0.cases[caseId] } == nil, "the queue holds today's cases only")

        try Self.rewrite(path) { list in list.removeAll { $0["id"] as? String == "T-JZ-001" } }
        guard case .failure(let error) = app.application.reloadCatalogue() else {
            Issue.record("a reload that strands the open case was accepted")
            return
        }
        #expect(error.description.contains("open cases \(caseId)"), "\(error.description)")

        try Self.rewrite(path) { list in
            list[1]["id"] = "T-JZ-009"
            list[1]["replaces"] = ["T-JZ-001"]
        }
        guard case .success = app.application.reloadCatalogue() else {
            Issue.record("the rename was refused")
            return
        }
        let record = try app.client.get("/api/v1/cases/\(caseId)", headers: auth).json["case"] as? [String: Any]
        #expect(record?["serviceId"] as? String == "T-JZ-009", "the rename moved the stored case")
        let back = try app.post("/api/v1/tickets", token: kiosk, json: #"{"caseId":"\#(caseId)"}"#)
        #expect(back.status == 201 && back.json["serviceId"] as? String == "T-JZ-009", "\(back.text)")
    }

    /// Writes the test catalogue to `path` with its services changed.
    static func rewrite(_ path: String, _ change: (inout [[String: Any]]) -> Void) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue))
        var document = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var list = document["services"] as! [[String: Any]]
        change(&list)
        document["services"] = list
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
    }
}
