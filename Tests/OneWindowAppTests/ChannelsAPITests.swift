import Foundation
import OneWindowTesting
import Testing

/// `channels` over HTTP: the guide and the list show them, and a service the hall does not
/// receive takes no ticket and lists no window.
@Suite("Channels, over HTTP", .timeLimit(.minutes(2)))
struct ChannelsAPITests {
    @Test("a service without a hall channel answers 409 service_not_in_hall, issues nothing and lists no window")
    func noHallTicket() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var document =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue)))
            as! [String: Any]
        var services = document["services"] as! [[String: Any]]
        let index = try #require(services.firstIndex { $0["id"] as? String == "T-JZ-002" })
        services[index]["channels"] = ["office": ["place": "户籍所在地街道办事处"]]
        services[index]["place"] = "户籍所在地街道办事处"
        document["services"] = services
        let path = directory.path("online-only.json")
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
        let app = try TestApplication(catalogue: path)
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")

        let refused = try app.post("/api/v1/tickets", token: kiosk, json: #"{"serviceId":"T-JZ-002"}"#)
        #expect(refused.status == 409 && refused.errorCode == "service_not_in_hall", "\(refused.text)")
        let queue = try app.client.get("/api/v1/queue").json["queues"] as? [[String: Any]]
        #expect(queue?.allSatisfy { $0["waiting"] as? Int == 0 } == true, "nothing was issued")
        #expect(try app.post("/api/v1/tickets", token: kiosk, json: #"{"serviceId":"T-JZ-001"}"#).status == 201)

        let guide = try app.client.get("/api/v1/services/T-JZ-001").json
        let channels = guide["channels"] as? [String: Any]
        #expect((channels?["hall"] as? [String: Any])?["visitsPromised"] as? Int == 1)
        #expect((channels?["online"] as? [String: Any])?["url"] as? String == "https://example.org/apply")
        #expect(guide["visitsPromised"] == nil, "the promise is said once, in the channels")
        let office = try app.client.get("/api/v1/services/T-JZ-002").json
        let officeChannels = office["channels"] as? [String: Any]
        #expect((officeChannels?["office"] as? [String: Any])?["place"] as? String == "户籍所在地街道办事处")
        #expect(officeChannels?["hall"] == nil)
        #expect((office["windows"] as? [Any])?.isEmpty == true, "no window takes what the hall does not receive")
        let list = try app.client.get("/api/v1/services").json["services"] as? [[String: Any]]
        #expect(list?.first { $0["id"] as? String == "T-JZ-002" }?["channels"] is [String: Any])
        let page = try app.client.get("/guides/T-JZ-001").text
        #expect(page.contains("网上办零跑动，到大厅最多跑一次"), "\(page)")
        let officePage = try app.client.get("/guides/T-JZ-002").text
        #expect(officePage.contains("本大厅不受理此事项，请通过以下渠道办理：户籍所在地街道办事处"), "\(officePage)")
        #expect(page.contains("本大厅窗口（最多跑一次）；网上办理（零跑动）"))
    }
}
