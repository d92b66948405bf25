import Foundation
import GRDB
import OneWindowApp
import OneWindowStorage
import OneWindowTesting
import Testing

/// 好差评 on the window's pad and on the applicant's phone; the code across a restart; a failing
/// evaluation write on each channel's path.
@Suite("Rating channels: the pad, the phone, a restart, a failing write", .timeLimit(.minutes(2)))
struct RatingPadPhoneTests: RatingHallTests {
    let hall: RatingHall

    init() throws {
        hall = try RatingHall()
    }

    @Test("a pad rates only its window's visits, and only within 10 minutes of the end")
    func pad() throws {
        defer { app.stop() }
        let atOne = try visit()
        let number = atOne["number"] as! String
        let before = try recorded()
        let otherWindow = try rate(number, token: pads["2"]!, json: #"{"rating":5}"#)
        #expect(otherWindow.status == 403 && otherWindow.errorCode == "wrong_window", "\(otherWindow.text)")
        #expect(try recorded() == before)
        let rated = try rate(number, token: pads["1"]!, json: #"{"rating":2,"reasons":["efficiency"]}"#)
        #expect(rated.status == 201, "\(rated.text)")
        #expect((rated.json["evaluation"] as? [String: Any])?["channel"] as? String == "pad")
        let late = try visit()
        clock.advance(601)
        let before2 = try recorded()
        let tooLate = try rate(late["id"] as! String, token: pads["1"]!, json: #"{"rating":5}"#)
        #expect(tooLate.status == 409 && tooLate.errorCode == "evaluation_too_late", "\(tooLate.text)")
        #expect(try recorded() == before2)
        // A clerk token is not a pad.
        #expect(try rate(late["id"] as! String, token: clerks["1"]!, json: #"{"rating":5}"#).errorCode == "forbidden")
    }

    @Test("the ticket page shows a rating form once the visit ended; the form rates by phone and redirects")
    func phone() throws {
        defer { app.stop() }
        let ticket = try app.issue(token: kiosk, service: "T-JZ-001").json
        let id = ticket["id"] as! String
        #expect(!(try app.client.get("/t/\(id)").text.contains("<form")), "no form while the ticket waits")
        _ = try app.post("/api/v1/windows/1/call-next", token: clerks["1"]!, json: "")
        let done = try app.post(
            "/api/v1/tickets/\(id)/complete", token: clerks["1"]!, json: #"{"window":"1","outcome":"completed"}"#)
        #expect(done.status == 200)
        let page = try app.client.get("/t/\(id)").text
        #expect(page.contains(#"action="/t/\#(id)/evaluation""#) && page.contains(#"name="reason-attitude""#))
        #expect(page.contains("服务态度") && page.contains("非常不满意") && !page.contains("<script"))
        let csp = try app.client.get("/t/\(id)").headers["content-security-policy"] ?? ""
        #expect(csp.contains("form-action 'self'"), "the page's CSP must let the form post: \(csp)")
        func post(_ body: String, headers: [String: String] = [:]) throws -> TestResponse {
            var all = ["Content-Type": "application/x-www-form-urlencoded"]
            all.merge(headers) { _, new in new }
            return try app.client.send("POST", "/t/\(id)/evaluation", headers: all, body: Data(body.utf8))
        }
        let before = try recorded()
        let noReason = try post("rating=1&comment=")
        #expect(noReason.status == 303 && noReason.headers["location"] == "/t/\(id)?problem=reasons")
        #expect(try app.client.get("/t/\(id)?problem=reasons").text.contains("请至少选择一项原因"))
        let forged = try post("rating=1&reason-attitude=on", headers: ["Origin": "https://evil.example"])
        #expect(forged.status == 403)
        let crossSite = try post("rating=1&reason-attitude=on", headers: ["Sec-Fetch-Site": "cross-site"])
        #expect(crossSite.status == 403)
        let sameSite = try post(
            "rating=1&reason-attitude=on", headers: ["Sec-Fetch-Site": "same-site", "Origin": "https://evil.example"])
        #expect(sameSite.status == 403, "a sibling site is not this page")
        #expect(
            try app.client.send(
                "POST", "/t/\(ticket["number"] as! String)/evaluation",
                headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data("rating=5".utf8)
            ).status == 404)
        #expect(try post("rating=9").status == 400)
        #expect(try post("rating=1&reason-attitude=yes").status == 400)
        #expect(try post("comment=x").headers["location"] == "/t/\(id)?problem=rating")
        let long = try post("rating=5&comment=" + String(repeating: "%E5%A4%AA", count: 501))
        #expect(long.status == 400 && long.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(try recorded() == before)
        // Behind a reverse proxy that rewrites Host, the browser's Sec-Fetch-Site decides.
        let sent = try post(
            "rating=2&reason-efficiency=on&reason-process=on&comment=%E5%A4%AA%E6%85%A2",
            headers: ["Origin": "https://hall.example.cn", "Sec-Fetch-Site": "same-origin"])
        #expect(sent.status == 303 && sent.headers["location"] == "/t/\(id)", "\(sent.text)")
        let stored = try #require(try app.application.state.storage.evaluations(bad: true).first)
        #expect(stored.channel == .phone && stored.reasons == ["efficiency", "process"] && stored.comment == "太慢")
        let thanked = try app.client.get("/t/\(id)").text
        #expect(thanked.contains("感谢您的评价") && !thanked.contains("<form"))
        #expect(try post("rating=5").headers["location"] == "/t/\(id)?problem=rated")
        // Without Sec-Fetch-Site, an Origin naming this host (or the proxy's forwarded host) passes.
        let byOrigin = try post("rating=5", headers: ["Origin": "http://127.0.0.1:\(app.port)"])
        #expect(byOrigin.headers["location"] == "/t/\(id)?problem=rated")
        let forwarded = try post(
            "rating=5", headers: ["Origin": "https://hall.example.cn", "X-Forwarded-Host": "hall.example.cn"])
        #expect(forwarded.headers["location"] == "/t/\(id)?problem=rated")
    }

    @Test("the code is on disk with the ticket: after a restart it still rates the visit")
    func codeSurvivesRestart() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.path("restart.sqlite")
        let clock = self.clock
        app.stop()
        var first = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.databasePath = database
            $0.clock = { clock.read() }
        }
        let kiosk = try first.createToken(role: .kiosk, name: "kiosk-r")
        let clerk = try first.createToken(role: .clerk, name: "clerk-r", window: "1")
        let ticket = try first.issue(token: kiosk, service: "T-JZ-001").json
        _ = try first.post("/api/v1/windows/1/call-next", token: clerk, json: "")
        _ = try first.post(
            "/api/v1/tickets/\(ticket["id"] as! String)/complete", token: clerk,
            json: #"{"window":"1","outcome":"completed"}"#)
        first.stop()
        first = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.databasePath = database
            $0.clock = { clock.read() }
        }
        defer { first.stop() }
        let code = ticket["evaluationCode"] as! String
        let rated = try first.post(
            "/api/v1/tickets/\(ticket["number"] as! String)/evaluation", token: kiosk,
            json: #"{"rating":5,"code":"\#(code)"}"#)
        #expect(rated.status == 201, "\(rated.text)")
    }

    @Test("when the evaluation cannot be written, every channel gets 503 and the visit can be rated later")
    func failingWrite() throws {
        defer { app.stop() }
        try pool.write { db in
            try db.execute(
                sql:
                    "CREATE TRIGGER inject_fault BEFORE INSERT ON evaluation BEGIN SELECT RAISE(ABORT, 'injected'); END"
            )
        }
        let byKiosk = try visit()
        let byPad = try visit()
        let byPhone = try visit()
        let kioskJSON = #"{"rating":5,"code":"\#(byKiosk["evaluationCode"] as! String)"}"#
        let kioskTry = try rate(byKiosk["number"] as! String, token: kiosk, json: kioskJSON)
        #expect(kioskTry.status == 503 && kioskTry.errorCode == "storage_unavailable", "\(kioskTry.text)")
        #expect(try rate(byPad["number"] as! String, token: pads["1"]!, json: #"{"rating":5}"#).status == 503)
        let phoneId = byPhone["id"] as! String
        let form = ["Content-Type": "application/x-www-form-urlencoded"]
        let phoneTry = try app.client.send(
            "POST", "/t/\(phoneId)/evaluation", headers: form, body: Data("rating=5".utf8))
        #expect(phoneTry.status == 503 && phoneTry.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(try app.application.state.storage.evaluations(bad: nil).isEmpty)
        #expect(try app.client.get("/t/\(phoneId)").text.contains("<form"), "memory did not run ahead of the disk")
        try pool.write { try $0.execute(sql: "DROP TRIGGER inject_fault") }
        #expect(try rate(byKiosk["number"] as! String, token: kiosk, json: kioskJSON).status == 201)
        #expect(try rate(byPad["number"] as! String, token: pads["1"]!, json: #"{"rating":5}"#).status == 201)
        let phoneDone = try app.client.send(
            "POST", "/t/\(phoneId)/evaluation", headers: form, body: Data("rating=5".utf8))
        #expect(phoneDone.status == 303)
        #expect(try app.application.state.storage.evaluations(bad: nil).count == 3)
    }
}
