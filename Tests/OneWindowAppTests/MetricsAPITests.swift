import Foundation
import OneWindowTesting
import Testing

/// The manager's numbers on a scripted day whose answers are worked out by hand, and the same
/// numbers again after a restart, recomputed from the event log.
@Suite("Metrics", .timeLimit(.minutes(2)))
struct MetricsAPITests {
    @Test("a scripted day gives exactly the figures worked out by hand, before and after a restart")
    func scriptedDay() throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_741_200))  // Friday 2026-11-27, 09:00 Shanghai
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.path("metrics.sqlite")
        var app = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.clock = { clock.read() }
            $0.databasePath = database
        }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        let clerk = try app.createToken(role: .clerk, name: "clerk", window: "1")
        let clerk2 = try app.createToken(role: .clerk, name: "clerk-2", window: "2")
        let admin = try app.createToken(role: .admin, name: "admin")
        var at = 0.0
        func time(_ seconds: Double) {
            clock.advance(seconds - at)
            at = seconds
        }
        func post(_ path: String, _ token: String, _ json: String = "") throws -> [String: Any] {
            let response = try app.post(path, token: token, json: json)
            #expect((200..<300).contains(response.status), "\(path): \(response.text)")
            return response.json
        }
        func ticket(_ reply: [String: Any]) -> [String: Any] { reply["ticket"] as? [String: Any] ?? reply }
        func end(_ t: [String: Any], window: String, _ body: String) throws {
            _ = try post(
                "/api/v1/tickets/\(t["id"] as! String)/complete", window == "2" ? clerk2 : clerk,
                #"{"window":"\#(window)",\#(body)}"#)
        }
        /// Rated at a kiosk with the receipt's code.
        func rate(_ t: [String: Any], by reference: String, _ rating: Int) throws {
            let reasons = rating <= 2 ? #","reasons":["efficiency"]"# : ""
            _ = try post(
                "/api/v1/tickets/\(reference)/evaluation", kiosk,
                #"{"rating":\#(rating),"code":"\#(t["evaluationCode"] as? String ?? "")"\#(reasons)}"#)
        }

        time(0)
        let c1 = try post("/api/v1/tickets", kiosk, #"{"serviceId":"T-JZ-001"}"#)
        time(60)
        let c2 = try post("/api/v1/tickets", kiosk, #"{"serviceId":"T-JZ-001"}"#)
        time(120)
        let a1 = try post("/api/v1/tickets", kiosk, #"{"serviceId":"T-HY-001"}"#)
        time(300)
        #expect(ticket(try post("/api/v1/windows/1/call-next", clerk))["number"] as? String == "C001")
        time(600)
        try end(c1, window: "1", #""outcome":"needs_more","missingMaterials":["m2"]"#)
        #expect(ticket(try post("/api/v1/windows/1/call-next", clerk))["number"] as? String == "C002")
        time(660)
        _ = try post("/api/v1/windows/1/recall", clerk)
        time(900)
        try end(c2, window: "1", #""outcome":"completed""#)
        #expect(ticket(try post("/api/v1/windows/2/call-next", clerk2))["number"] as? String == "A001")
        time(960)
        _ = try post("/api/v1/windows/2/recall", clerk2)
        time(1020)
        _ = try post("/api/v1/windows/2/recall", clerk2)
        time(1080)
        _ = try post("/api/v1/tickets/\(a1["id"] as! String)/no-show", clerk2, #"{"window":"2"}"#)
        time(1200)
        let c3 = try post("/api/v1/tickets", kiosk, #"{"caseId":"\#(c1["caseId"] as! String)"}"#)
        time(1260)
        #expect(ticket(try post("/api/v1/windows/1/call-next", clerk))["number"] as? String == "C003")
        time(1500)
        try end(c3, window: "1", #""outcome":"completed""#)
        _ = try post("/api/v1/tickets", kiosk, #"{"serviceId":"T-JZ-001"}"#)
        _ = try post("/api/v1/hall/close-day", admin)
        try rate(c2, by: c2["number"] as! String, 5)
        try rate(c3, by: c3["number"] as! String, 2)
        try rate(c1, by: c1["id"] as! String, 4)
        _ = try post("/api/v1/cases/\(a1["caseId"] as! String)/cancel", clerk, #"{"reason":"未到场"}"#)

        let query = "/api/v1/metrics?from=2026-11-27&to=2026-11-27"
        let before = try app.client.get(query, headers: ["Authorization": "Bearer \(clerk)"])
        #expect(before.status == 200, "\(before.text)")
        let m = before.json
        #expect(m["ticketsIssued"] as? Int == 5 && m["visitsServed"] as? Int == 3)
        #expect(m["noShows"] as? Int == 1 && m["expired"] as? Int == 1)
        let wait = m["waitSeconds"] as? [String: Any]
        // Every first call counts, A001's before its no-show too: 300, 540, 780 and 60 s.
        #expect(wait?["mean"] as? Double == 420 && wait?["median"] as? Int == 300 && wait?["p90"] as? Int == 780)
        let service = m["serviceSeconds"] as? [String: Any]
        #expect(service?["mean"] as? Double == 260 && service?["median"] as? Int == 240)
        #expect(m["casesClosed"] as? Int == 2 && m["casesOpen"] as? Int == 1 && m["casesCancelled"] as? Int == 1)
        #expect(m["closedCasesOneVisitRate"] as? Double == 0.5 && m["visitPromiseRate"] as? Double == 0.5)
        #expect(m["oneVisitRate"] == nil, "the closed-cases-only rate is renamed, not kept under the old name")
        // C001's case needed a second visit (closed later the same day), C002's closed at once;
        // A001's case never had a visit end at a window, so it is in no cohort.
        #expect(m["firstVisits"] as? Int == 2 && m["firstVisitResolved"] as? Int == 1)
        #expect(m["firstVisitResolutionRate"] as? Double == 0.5)
        let cohort = m["cohort"] as? [String: Any]
        #expect(cohort?["opened"] as? Int == 2 && cohort?["closedAtFirstVisit"] as? Int == 1)
        #expect(
            cohort?["closedLater"] as? Int == 1 && cohort?["open"] as? Int == 0 && cohort?["cancelled"] as? Int == 0)
        #expect(cohort?["oneVisitRate"] as? Double == 0.5 && cohort?["medianDaysToClose"] as? Int == 0)
        #expect(m["visitsPerClosedCase"] as? Double == 1.5)
        let satisfaction = m["satisfaction"] as? [String: Any]
        #expect(
            satisfaction?["counts"] as? [String: Int] == ["1": 0, "2": 1, "3": 0, "4": 1, "5": 1])
        #expect(satisfaction?["satisfiedShare"] as? Double == 0.6667)
        #expect(satisfaction?["badOpen"] as? Int == 1 && satisfaction?["badOverdue"] as? Int == 0)
        let services = m["services"] as? [[String: Any]] ?? []
        let dibao = services.first { $0["serviceId"] as? String == "T-JZ-001" }
        #expect(dibao?["ticketsIssued"] as? Int == 4 && dibao?["casesOpen"] as? Int == 1)
        let missed = dibao?["mostMissedMaterials"] as? [[String: Any]]
        #expect(missed?.first?["materialId"] as? String == "m2" && missed?.first?["count"] as? Int == 1)
        #expect(missed?.first?["name"] as? String == "家庭收入证明")
        let marriage = services.first { $0["serviceId"] as? String == "T-HY-001" }
        #expect(marriage?["noShows"] as? Int == 1 && marriage?["casesCancelled"] as? Int == 1)
        #expect(marriage?["closedCasesOneVisitRate"] is NSNull && marriage?["firstVisitResolutionRate"] is NSNull)
        let marriageCohort = marriage?["cohort"] as? [String: Any]
        #expect(marriageCohort?["opened"] as? Int == 0 && marriageCohort?["oneVisitRate"] is NSNull)
        #expect(marriageCohort?["medianDaysToClose"] is NSNull)

        app.application.stop()
        app = try TestApplication(catalogue: Fixtures.validCatalogue) {
            $0.clock = { clock.read() }
            $0.databasePath = database
        }
        defer { app.stop() }
        let after = try app.client.get(query, headers: ["Authorization": "Bearer \(clerk)"])
        #expect(after.status == 200)
        #expect(after.text == before.text, "recomputed from the event log:\n\(after.text)\nbefore:\n\(before.text)")
    }

    @Test("the range and the service are checked; kiosks may not read the numbers")
    func badQueries() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let clerk = try app.createToken(role: .clerk, name: "clerk")
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        let auth = ["Authorization": "Bearer \(clerk)"]
        for query in [
            "", "?from=2026-11-27", "?from=2026-13-01&to=2026-12-01", "?from=2026-12-02&to=2026-12-01",
            "?from=2020-01-01&to=2026-01-01", "?from=2026-11-27&to=2026-11-27&serviceId=nope",
        ] {
            let response = try app.client.get("/api/v1/metrics" + query, headers: auth)
            #expect((400..<500).contains(response.status), "\(query): \(response.status)")
        }
        let empty = try app.client.get(
            "/api/v1/metrics?from=2026-11-27&to=2026-11-27&serviceId=T-JZ-001", headers: auth)
        #expect(
            empty.status == 200 && empty.json["closedCasesOneVisitRate"] is NSNull
                && empty.json["ticketsIssued"] as? Int == 0)
        #expect((empty.json["services"] as? [[String: Any]])?.count == 1)
        #expect(
            try app.client.get(
                "/api/v1/metrics?from=2026-11-27&to=2026-11-27", headers: ["Authorization": "Bearer \(kiosk)"]
            ).status == 403)
    }
}
