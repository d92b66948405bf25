import Foundation
import GRDB
import OneWindowApp
import OneWindowStorage
import OneWindowTesting
import Testing

/// 好差评 that only the applicant can give: the kiosk with the receipt's code, the window's pad,
/// the phone's ticket page; the reasons of a bad rating; and every refusal changing nothing.
@Suite("Rating channels")
struct RatingChannelTests {
    let app: TestApplication
    let pool: DatabasePool
    let clock: ManualClock
    let kiosk: String
    let clerks: [String: String]
    let pads: [String: String]

    init() throws {
        let directory = try TemporaryDirectory()
        pool = try DatabasePool(path: directory.path("ratings.sqlite"), configuration: Storage.configuration())
        let storage = try Storage(writer: pool)
        clock = ManualClock(Date(timeIntervalSince1970: 1_795_744_800))  // Friday 2026-11-27, 10:00 in Shanghai
        let clock = clock
        app = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.storage = storage
            $0.clock = { clock.read() }
        }
        kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
        clerks = [
            "1": try app.createToken(role: .clerk, name: "clerk-1", window: "1"),
            "2": try app.createToken(role: .clerk, name: "clerk-2", window: "2"),
        ]
        pads = [
            "1": try app.createToken(role: .pad, name: "pad-1", window: "1"),
            "2": try app.createToken(role: .pad, name: "pad-2", window: "2"),
        ]
    }

    /// A ticket issued, called to `window` and completed there; the issue answer (with its code).
    func visit(window: String = "1", service: String = "T-JZ-001") throws -> [String: Any] {
        let ticket = try app.issue(token: kiosk, service: service).json
        let clerk = clerks[window]!
        _ = try app.post("/api/v1/windows/\(window)/call-next", token: clerk, json: "")
        let done = try app.post(
            "/api/v1/tickets/\(ticket["id"] as! String)/complete", token: clerk,
            json: #"{"window":"\#(window)","outcome":"completed"}"#)
        #expect(done.status == 200, "\(done.text)")
        return ticket
    }

    func rate(_ reference: String, token: String, json: String) throws -> TestResponse {
        try app.post("/api/v1/tickets/\(reference)/evaluation", token: token, json: json)
    }

    /// What a refusal must leave alone: the event log and the stored evaluations.
    func recorded() throws -> (events: Int, evaluations: Int) {
        let storage = app.application.state.storage
        return (
            try storage.queueEventsWithTickets(after: 0, limit: 100_000).count, try storage.evaluations(bad: nil).count
        )
    }

    @Test("the issue answer carries a 6-digit code, stored only as a salted hash; GET never shows it")
    func codeOnIssue() throws {
        defer { app.stop() }
        let ticket = try app.issue(token: kiosk, service: "T-JZ-001").json
        let code = try #require(ticket["evaluationCode"] as? String)
        #expect(code.count == 6 && code.allSatisfy(\.isNumber))
        let id = ticket["id"] as! String
        let stored = try app.application.state.storage.ticket(id: id)
        #expect(stored?.evaluationCodeHash == EvaluationCode.hash(code, ticketId: id))
        let read = try app.client.get("/api/v1/tickets/\(id)")
        #expect(read.json["evaluationCode"] == nil && !read.text.contains(code))
        let other = try app.issue(token: kiosk, service: "T-JZ-001").json
        #expect(other["evaluationCode"] as? String != code || other["id"] as? String != id)
    }

    @Test("a replayed issue (same Idempotency-Key) answers the same ticket with a new code, which replaces the first")
    func replayGetsNewCode() throws {
        defer { app.stop() }
        let first = try app.issue(token: kiosk, service: "T-JZ-001", key: "k-1").json
        let again = try app.issue(token: kiosk, service: "T-JZ-001", key: "k-1").json
        #expect(again["id"] as? String == first["id"] as? String)
        let code1 = try #require(first["evaluationCode"] as? String)
        let code2 = try #require(again["evaluationCode"] as? String, "a replay must carry a code to print")
        let id = first["id"] as! String
        #expect(
            try app.application.state.storage.ticket(id: id)?.evaluationCodeHash
                == EvaluationCode.hash(code2, ticketId: id))
        _ = try app.post("/api/v1/windows/1/call-next", token: clerks["1"]!, json: "")
        _ = try app.post(
            "/api/v1/tickets/\(id)/complete", token: clerks["1"]!, json: #"{"window":"1","outcome":"completed"}"#)
        let number = first["number"] as! String
        if code1 != code2 {
            #expect(try rate(number, token: kiosk, json: #"{"rating":5,"code":"\#(code1)"}"#).status == 403)
        }
        #expect(try rate(number, token: kiosk, json: #"{"rating":5,"code":"\#(code2)"}"#).status == 201)
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

    @Test("a kiosk rating by number needs the code: none or a wrong one is 403 and changes nothing")
    func kioskNeedsTheCode() throws {
        defer { app.stop() }
        let ticket = try visit()
        let number = ticket["number"] as! String
        let before = try recorded()
        let bare = try rate(number, token: kiosk, json: #"{"rating":1,"reasons":["attitude"]}"#)
        #expect(bare.status == 403 && bare.errorCode == "evaluation_code_invalid", "\(bare.text)")
        let code = ticket["evaluationCode"] as! String
        let wrong = String(code.reversed()) == code ? "000000" : String(code.reversed())
        let guessed = try rate(number, token: kiosk, json: #"{"rating":1,"reasons":["attitude"],"code":"\#(wrong)"}"#)
        #expect(guessed.status == 403 && guessed.errorCode == "evaluation_code_invalid", "\(guessed.text)")
        #expect(try recorded() == before)
        let right = try rate(number, token: kiosk, json: #"{"rating":4,"code":"\#(code)"}"#)
        #expect(right.status == 201, "\(right.text)")
        // The right code on a ticket rated already: 409; a wrong one still learns nothing.
        let again = try rate(number, token: kiosk, json: #"{"rating":5,"code":"\#(code)"}"#)
        #expect(again.status == 409 && again.errorCode == "already_evaluated")
        let wrongAgain = try rate(number, token: kiosk, json: #"{"rating":5,"code":"\#(wrong)"}"#)
        #expect(wrongAgain.status == 403)
        #expect(try recorded().evaluations == before.evaluations + 1)
    }

    @Test("after 5 wrong codes for a ticket even the right one gets 429 with Retry-After, for an hour")
    func lockoutPerTicket() throws {
        defer { app.stop() }
        let ticket = try visit()
        let number = ticket["number"] as! String
        let code = ticket["evaluationCode"] as! String
        let wrong = code == "111111" ? "222222" : "111111"
        for _ in 0..<5 {
            #expect(try rate(number, token: kiosk, json: #"{"rating":5,"code":"\#(wrong)"}"#).status == 403)
        }
        let before = try recorded()
        let locked = try rate(number, token: kiosk, json: #"{"rating":5,"code":"\#(code)"}"#)
        #expect(locked.status == 429 && locked.errorCode == "evaluation_code_locked", "\(locked.text)")
        #expect(Int(locked.headers["retry-after"] ?? "") ?? 0 > 3000)
        #expect(try recorded() == before)
        // Another kiosk is locked out of this ticket too; the phone's ticket page is not.
        let other = try app.createToken(role: .kiosk, name: "kiosk-2")
        #expect(try rate(number, token: other, json: #"{"rating":5,"code":"\#(code)"}"#).status == 429)
        clock.advance(3601)
        #expect(try rate(number, token: kiosk, json: #"{"rating":5,"code":"\#(code)"}"#).status == 201)
    }

    @Test("20 wrong codes from one kiosk within an hour lock that kiosk out; others still rate")
    func lockoutPerDevice() throws {
        defer { app.stop() }
        var tickets: [[String: Any]] = []
        for _ in 0..<6 { tickets.append(try visit()) }
        for attempt in 0..<20 {
            let ticket = tickets[attempt % 5]
            let code = ticket["evaluationCode"] as! String
            let wrong = code == "333333" ? "444444" : "333333"
            let refused = try rate(ticket["number"] as! String, token: kiosk, json: #"{"rating":5,"code":"\#(wrong)"}"#)
            #expect(refused.status == 403, "attempt \(attempt): \(refused.text)")
        }
        let last = tickets[5]
        let code = last["evaluationCode"] as! String
        let locked = try rate(last["number"] as! String, token: kiosk, json: #"{"rating":5,"code":"\#(code)"}"#)
        #expect(locked.status == 429 && locked.headers["retry-after"] != nil, "\(locked.text)")
        let other = try app.createToken(role: .kiosk, name: "kiosk-2")
        #expect(
            try rate(last["number"] as! String, token: other, json: #"{"rating":5,"code":"\#(code)"}"#).status == 201)
    }

    @Test("a bad rating needs a known reason; a rating outside 1 to 5 is refused; each changes nothing")
    func reasons() throws {
        defer { app.stop() }
        let ticket = try visit()
        let number = ticket["number"] as! String
        let code = ticket["evaluationCode"] as! String
        let before = try recorded()
        let none = try rate(number, token: kiosk, json: #"{"rating":2,"code":"\#(code)"}"#)
        #expect(none.status == 422 && none.errorCode == "reasons_required", "\(none.text)")
        let empty = try rate(number, token: kiosk, json: #"{"rating":1,"reasons":[],"code":"\#(code)"}"#)
        #expect(empty.errorCode == "reasons_required")
        let unknown = try rate(number, token: kiosk, json: #"{"rating":1,"reasons":["rude"],"code":"\#(code)"}"#)
        #expect(unknown.status == 422 && unknown.errorCode == "unknown_reason" && unknown.text.contains("rude"))
        for rating in [0, 6, -1] {
            let outside = try rate(number, token: kiosk, json: #"{"rating":\#(rating),"code":"\#(code)"}"#)
            #expect(outside.status == 400 && outside.errorCode == "malformed_body", "\(outside.text)")
        }
        let notList = try rate(number, token: kiosk, json: #"{"rating":1,"reasons":"attitude","code":"\#(code)"}"#)
        #expect(notList.status == 400)
        #expect(try recorded() == before)
        let bad = try rate(
            number, token: kiosk,
            json: #"{"rating":1,"reasons":["other","attitude","attitude"],"comment":"态度差","code":"\#(code)"}"#)
        #expect(bad.status == 201, "\(bad.text)")
        let evaluation = bad.json["evaluation"] as? [String: Any]
        #expect(evaluation?["reasons"] as? [String] == ["attitude", "other"])
        #expect(evaluation?["comment"] as? String == "态度差")
        let stored = try app.application.state.storage.evaluations(bad: true).first
        #expect(stored?.reasons == ["attitude", "other"] && stored?.channel == .kiosk)
        let event = try app.application.state.storage.queueEventsWithTickets(after: 0, limit: 1000).last?.0.event
        #expect(event?.kind == .evaluated && event?.detail?.contains(#""channel":"kiosk""#) == true)
        #expect(event?.detail?.contains(#""reasons":["attitude","other"]"#) == true, "\(event?.detail ?? "")")
    }

    @Test("reasons sent with a good rating are dropped, not stored")
    func reasonsOnGoodRating() throws {
        defer { app.stop() }
        let ticket = try visit()
        let good = try rate(
            ticket["number"] as! String, token: kiosk,
            json: #"{"rating":4,"reasons":["attitude"],"code":"\#(ticket["evaluationCode"] as! String)"}"#)
        #expect(good.status == 201 && (good.json["evaluation"] as? [String: Any])?["reasons"] as? [String] == [])
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
        #expect(
            try app.client.send(
                "POST", "/t/\(ticket["number"] as! String)/evaluation",
                headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data("rating=5".utf8)
            ).status == 404)
        #expect(try recorded() == before)
        let sent = try post(
            "rating=2&reason-efficiency=on&reason-process=on&comment=%E5%A4%AA%E6%85%A2",
            headers: ["Origin": "http://127.0.0.1:\(app.port)"])
        #expect(sent.status == 303 && sent.headers["location"] == "/t/\(id)", "\(sent.text)")
        let stored = try #require(try app.application.state.storage.evaluations(bad: true).first)
        #expect(stored.channel == .phone && stored.reasons == ["efficiency", "process"] && stored.comment == "太慢")
        let thanked = try app.client.get("/t/\(id)").text
        #expect(thanked.contains("感谢您的评价") && !thanked.contains("<form"))
        #expect(try post("rating=5").headers["location"] == "/t/\(id)?problem=rated")
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
