import Foundation
import GRDB
import OneWindowApp
import OneWindowStorage
import OneWindowTesting
import Testing

/// 好差评 that only the applicant can give, at a kiosk: the receipt's evaluation code, its
/// lockouts, and the reasons of a bad rating; every refusal changes nothing. The pad and the
/// phone are in `RatingPadPhoneTests`.
@Suite("Rating channels: the kiosk's code and the reasons", .timeLimit(.minutes(2)))
struct RatingChannelTests: RatingHallTests {
    let hall: RatingHall

    init() throws {
        hall = try RatingHall()
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
        // A kiosk knows the visit by its number and code, never by the ticket's id: that opens the
        // ticket's page (the receipt's QR code), so the answer leaves it out.
        let id = try #require(ticket["id"] as? String)
        #expect((right.json["evaluation"] as? [String: Any])?["number"] as? String == number)
        #expect((right.json["evaluation"] as? [String: Any])?["ticketId"] == nil && !right.text.contains(id))
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
}
