import Foundation
import OneWindowTesting
import Testing

/// `visitsPromised` per channel over HTTP: the guide shows both channels, and a service the hall
/// does not receive takes no ticket.
@Suite("Visits promised per channel, over HTTP", .timeLimit(.minutes(2)))
struct VisitsPromisedAPITests {
    @Test("a service without a hall promise answers 409 service_not_in_hall and issues nothing")
    func noHallTicket() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var document =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue)))
            as! [String: Any]
        var services = document["services"] as! [[String: Any]]
        let index = try #require(services.firstIndex { $0["id"] as? String == "T-JZ-002" })
        services[index]["visitsPromised"] = ["online": 0]
        let first = try #require(services.firstIndex { $0["id"] as? String == "T-JZ-001" })
        services[first]["visitsPromised"] = ["online": 0, "hall": 1]
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
        let promised = guide["visitsPromised"] as? [String: Any]
        #expect(promised?["online"] as? Int == 0 && promised?["hall"] as? Int == 1)
        let online = try app.client.get("/api/v1/services/T-JZ-002").json["visitsPromised"] as? [String: Any]
        #expect(online?["online"] as? Int == 0 && online?["hall"] is NSNull)
        let page = try app.client.get("/guides/T-JZ-001").text
        #expect(page.contains("网上办零跑动，到大厅最多跑一次"), "\(page)")
        #expect(try app.client.get("/guides/T-JZ-002").text.contains("网上办零跑动（大厅不受理）"))
    }
}
