import Foundation
import OneWindowTesting
import Testing

/// 政务公开: `/api/v1/disclosure` and `/disclosure` from the fold, 样本不足 below 10 cases (or,
/// for the median wait, 10 tickets called),
/// nothing that names a person, and a cached answer.
@Suite("Disclosure", .timeLimit(.minutes(2)))
struct DisclosureTests {
    final class Hall {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_741_200))  // Friday 2026-11-27, 09:00 Shanghai
        let app: TestApplication
        let kiosk: String
        let clerk: String

        init() throws {
            let clock = self.clock
            app = try TestApplication(catalogue: Fixtures.validCatalogue) {
                $0.clock = { clock.read() }
                $0.issueRateLimit = nil
            }
            kiosk = try app.createToken(role: .kiosk, name: "kiosk")
            clerk = try app.createToken(role: .clerk, name: "clerk", window: "1")
        }

        func firstVisit(_ service: String, outcome: String) throws {
            let issued = try app.post("/api/v1/tickets", token: kiosk, json: #"{"serviceId":"\#(service)"}"#).json
            let id = try #require((issued["ticket"] as? [String: Any] ?? issued)["id"] as? String)
            clock.advance(10)
            #expect(try app.post("/api/v1/windows/1/call-next", token: clerk, json: "").status == 200)
            let missing = outcome == "needs_more" ? #","missingMaterials":["m1"]"# : ""
            let done = try app.post(
                "/api/v1/tickets/\(id)/complete", token: clerk,
                json: #"{"window":"1","outcome":"\#(outcome)","note":"张三 13800000000"\#(missing)}"#)
            #expect(done.status == 200, "\(done.text)")
        }

        /// Waits (with a deadline) until the fold has every committed event.
        func settled() throws {
            let state = app.application.state
            let last = try state.storage.lastQueueEventId()
            let deadline = Date().addingTimeInterval(5)
            while state.metrics.read(\.lastEventId) < last, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        }
    }

    static func figures(_ period: [String: Any], _ service: String) -> [String: Any]? {
        (period["services"] as? [[String: Any]])?.first { $0["serviceId"] as? String == service }?["figures"]
            as? [String: Any]
    }

    @Test("rates from 10 cases on, 样本不足 below, the 证明事项清单, and nothing that names a person")
    func figuresAndSample() throws {
        let hall = try Hall()
        defer { hall.app.stop() }
        for visit in 1...10 { try hall.firstVisit("T-JZ-001", outcome: visit <= 7 ? "completed" : "needs_more") }
        try hall.firstVisit("T-HY-001", outcome: "completed")
        try hall.settled()
        let response = try hall.app.client.get("/api/v1/disclosure")
        #expect(response.status == 200)
        let body = response.json
        #expect(body["today"] as? String == "2026-11-27")
        let month = try #require((body["months"] as? [[String: Any]])?.first)
        #expect(month["period"] as? String == "2026-11")
        let october = try #require((body["months"] as? [[String: Any]])?.dropFirst().first)
        #expect(october["from"] as? String == "2026-10-01" && october["to"] as? String == "2026-10-31")
        #expect((body["months"] as? [[String: Any]])?.count == 11, "November back to January")
        let september = (body["months"] as? [[String: Any]])?[2]
        #expect(september?["to"] as? String == "2026-09-30", "a real date, never 09-31")
        let enough = try #require(Self.figures(month, "T-JZ-001"))
        #expect(enough["cases"] as? Int == 10 && enough["tickets"] as? Int == 10)
        #expect(enough["insufficientSample"] as? Bool == false)
        #expect(enough["firstVisitResolutionRate"] as? Double == 0.7)
        #expect(enough["oneVisitRate"] as? Double == 0.7)
        #expect(enough["medianWaitSeconds"] as? Int != nil)
        let few = try #require(Self.figures(month, "T-HY-001"))
        #expect(few["cases"] as? Int == 1 && few["insufficientSample"] as? Bool == true)
        #expect(few["firstVisitResolutionRate"] is NSNull && few["oneVisitRate"] is NSNull)
        let year = try #require(body["yearToDate"] as? [String: Any])
        #expect((year["hall"] as? [String: Any])?["cases"] as? Int == 11)
        let certificates = try #require(body["certificates"] as? [[String: Any]])
        #expect(certificates.contains { $0["issuer"] as? String == "测试区人力资源和社会保障局" })
        for secret in ["张三", "13800000000", "C2026", "\"id\""] {
            #expect(!response.text.contains(secret), "the disclosure shows \(secret)")
        }
        let page = try hall.app.client.get("/disclosure")
        #expect(page.status == 200)
        #expect(page.text.contains("样本不足") && page.text.contains("70.00%") && page.text.contains("证明事项清单"))
        #expect(!page.text.contains("张三") && !page.text.contains("13800000000"))
        #expect(try hall.app.client.get("/api/v1/disclosure?x=1").status == 400)
    }

    @Test("a median wait of fewer than 10 tickets called is 样本不足, with the count beside it; from the 10th a number")
    func medianWaitSample() throws {
        let hall = try Hall()
        defer { hall.app.stop() }
        for _ in 1...9 { try hall.firstVisit("T-JZ-001", outcome: "completed") }
        try hall.settled()
        let body = try hall.app.client.get("/api/v1/disclosure").json
        #expect(body["minimumWaits"] as? Int == 10)
        let month = try #require((body["months"] as? [[String: Any]])?.first)
        let nine = try #require(Self.figures(month, "T-JZ-001"))
        #expect(nine["waitCount"] as? Int == 9 && nine["medianWaitSeconds"] is NSNull, "\(nine)")
        let page = try hall.app.client.get("/disclosure").text
        #expect(page.contains("样本不足（叫号 9 人次）"), "the page says 样本不足 instead of a median")
        #expect(!page.contains("不到 1 分钟"), "no median of 9 waits anywhere on the page")
        try hall.firstVisit("T-JZ-001", outcome: "completed")
        try hall.settled()
        hall.clock.advance(61)
        let later = try hall.app.client.get("/api/v1/disclosure").json
        let laterMonth = try #require((later["months"] as? [[String: Any]])?.first)
        let ten = try #require(Self.figures(laterMonth, "T-JZ-001"))
        #expect(ten["waitCount"] as? Int == 10 && ten["medianWaitSeconds"] as? Int == 10, "\(ten)")
        #expect(try hall.app.client.get("/disclosure").text.contains("不到 1 分钟（叫号 10 人次）"))
    }

    @Test("the answer is cached: new visits show once the cache's seconds have passed")
    func cached() throws {
        let hall = try Hall()
        defer { hall.app.stop() }
        try hall.firstVisit("T-JZ-001", outcome: "completed")
        try hall.settled()
        let first = try hall.app.client.get("/api/v1/disclosure").text
        try hall.firstVisit("T-JZ-001", outcome: "completed")
        try hall.settled()
        #expect(try hall.app.client.get("/api/v1/disclosure").text == first, "within 60 s the cached answer")
        hall.clock.advance(61)
        let later = try hall.app.client.get("/api/v1/disclosure").json
        let month = try #require((later["months"] as? [[String: Any]])?.first)
        #expect(Self.figures(month, "T-JZ-001")?["cases"] as? Int == 2)
    }
}
