import Foundation
import OneWindowTesting
import Testing

/// What the public can read: the board's stream and the window list carry numbers, windows and
/// counts, never a ticket's id; a kiosk reads a case's checklist without notes or ticket ids.
@Suite("What the public can read", .timeLimit(.minutes(2)))
struct PublicReadTests {
    let app: TestApplication
    let kiosk: String
    /// A clerk terminal's token per window: a clerk acts only at its own window.
    let clerks: [String: String]
    var clerk: String { clerks["1"]! }

    init() throws {
        app = try TestApplication(catalogue: Fixtures.validCatalogue)
        kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
        clerks = [
            "1": try app.createToken(role: .clerk, name: "window-1", window: "1"),
            "2": try app.createToken(role: .clerk, name: "window-2", window: "2"),
        ]
    }

    func issue(_ service: String, caseId: String? = nil) throws -> [String: Any] {
        let body = caseId.map { #"{"caseId":"\#($0)"}"# } ?? #"{"serviceId":"\#(service)"}"#
        let response = try app.post("/api/v1/tickets", token: kiosk, json: body)
        #expect(response.status == 201, "\(response.text)")
        return response.json
    }

    func clerkPost(_ target: String, _ json: String? = nil, window: String = "1") throws -> TestResponse {
        let token = clerks[window]!
        guard let json else {
            return try app.client.send("POST", target, headers: ["Authorization": "Bearer \(token)"])
        }
        return try app.post(target, token: token, json: json)
    }

    /// Every ticket id issued, found anywhere in `text`.
    func leaked(_ ids: [String], in text: String) -> [String] {
        ids.filter { id in
            text.range(of: NSRegularExpression.escapedPattern(for: id), options: .regularExpression) != nil
        }
    }

    @Test("the event stream, live and replayed, and the public window list carry no ticket id")
    func streamCarriesNoId() throws {
        defer { app.stop() }
        let board = try EventStreamClient(port: app.port, path: "/api/v1/events")
        #expect(board.read(until: "event: state"))
        var ids: [String] = []
        for service in ["T-JZ-001", "T-HY-001", "T-JZ-002"] { ids.append(try issue(service)["id"] as! String) }
        #expect(try clerkPost("/api/v1/windows/1/call-next").status == 200)
        #expect(try clerkPost("/api/v1/windows/1/recall").status == 200)
        #expect(
            try clerkPost(
                "/api/v1/tickets/\(ids[0])/complete",
                #"{"window":"1","outcome":"needs_more","missingMaterials":["m2"]}"#
            )
            .status == 200)
        #expect(try clerkPost("/api/v1/windows/2/call-next", window: "2").status == 200)
        #expect(
            try clerkPost(
                "/api/v1/tickets/\(ids[1])/transfer", #"{"window":"2","serviceId":"T-JZ-001"}"#, window: "2"
            ).status == 200
        )
        #expect(try clerkPost("/api/v1/windows/1/call-next").status == 200)
        #expect(board.read(until: "event: transferred"), "\(board.text)")
        #expect(board.events("called").count >= 2, "\(board.text)")
        // A board that comes back late gets a fresh state and the replay of everything.
        let late = try EventStreamClient(port: app.port, path: "/api/v1/events", headers: ["Last-Event-ID": "0"])
        #expect(late.read(until: "event: transferred"))
        #expect(late.events("called").first?["number"] as? String == "C001", "the numbers are still there")
        #expect(leaked(ids, in: board.text).isEmpty, "live: \(board.text)")
        #expect(leaked(ids, in: late.text).isEmpty, "replayed: \(late.text)")
        let windows = try app.client.get("/api/v1/windows")
        #expect(windows.text.contains("currentTicket"), "the number a window serves is public")
        #expect(leaked(ids, in: windows.text).isEmpty, "\(windows.text)")
        #expect(leaked(ids, in: try app.client.get("/api/v1/queue").text).isEmpty)
        // The clerk's console still gets the id of its window's ticket after a restart.
        let mine = try app.client.get("/api/v1/windows", headers: ["Authorization": "Bearer \(clerk)"])
        #expect(!leaked(ids, in: mine.text).isEmpty, "\(mine.text)")
        #expect(try app.client.get("/api/v1/windows", headers: ["Authorization": "Bearer \(kiosk)"]).status == 403)
        // Knowing a number is not knowing the ticket: neither the API nor the ticket page takes one.
        #expect(try app.client.get("/api/v1/tickets/C001").status == 404)
        #expect(try app.client.get("/t/C001").status == 404)
    }

    @Test("a kiosk reads a case by its number without notes, the cancel reason or ticket ids; a clerk sees them")
    func kioskCaseView() throws {
        defer { app.stop() }
        let first = try issue("T-JZ-001")
        let caseId = first["caseId"] as! String
        #expect(try clerkPost("/api/v1/windows/1/call-next").status == 200)
        let ended = try clerkPost(
            "/api/v1/tickets/\(first["id"] as! String)/complete",
            #"{"window":"1","outcome":"needs_more","missingMaterials":["m2"],"note":"王五的收入证明过期"}"#)
        #expect(ended.status == 200)
        let read = try app.client.get("/api/v1/cases/\(caseId)", headers: ["Authorization": "Bearer \(kiosk)"])
        #expect(read.status == 200)
        let visit = ((read.json["case"] as? [String: Any])?["visits"] as? [[String: Any]])?.first
        #expect(visit?["number"] as? String == "C001")
        #expect(
            (visit?["missingMaterials"] as? [[String: Any]])?.first?["id"] as? String == "m2", "the checklist stays")
        #expect(!read.text.contains("王五") && visit?["note"] == nil)
        #expect(visit?["ticketId"] == nil && !read.text.contains(first["id"] as! String))
        let clerkRead = try app.client.get("/api/v1/cases/\(caseId)", headers: ["Authorization": "Bearer \(clerk)"])
        #expect(clerkRead.text.contains("王五") && clerkRead.text.contains(first["id"] as! String))
    }
}
