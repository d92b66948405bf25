import Foundation
import OneWindowTesting
import Testing

/// Ratings are counted per channel in Prometheus and in `GET /api/v1/metrics`, so a hall sees
/// how its 好差评 come in.
@Suite("Ratings per channel in Prometheus and the metrics API", .timeLimit(.minutes(2)))
struct RatingFiguresTests: RatingHallTests {
    let hall: RatingHall

    init() throws {
        hall = try RatingHall()
    }

    @Test("a pad's rating and a kiosk's each count under their channel; a refused rating counts nowhere")
    func perChannel() throws {
        defer { app.stop() }
        let byPad = try visit()
        #expect(try rate(byPad["number"] as! String, token: pads["1"]!, json: #"{"rating":5}"#).status == 201)
        let atKiosk = try visit()
        let code = atKiosk["evaluationCode"] as! String
        let refused = try rate(atKiosk["number"] as! String, token: kiosk, json: #"{"rating":4,"code":"x"}"#)
        #expect(refused.status == 403)
        let rated = try rate(atKiosk["number"] as! String, token: kiosk, json: #"{"rating":4,"code":"\#(code)"}"#)
        #expect(rated.status == 201, "\(rated.text)")
        let lines = try app.client.get("/metrics").text.split(separator: "\n").filter {
            $0.hasPrefix("onewindow_ratings_total{")
        }
        let pad = lines.filter { $0.contains(#"channel="pad""#) && $0.contains(#"service="T-JZ-001""#) }
        let kioskLines = lines.filter { $0.contains(#"channel="kiosk""#) && $0.contains(#"service="T-JZ-001""#) }
        #expect(pad.count == 1 && pad.first?.hasSuffix(" 1") == true, "\(lines)")
        #expect(kioskLines.count == 1 && kioskLines.first?.hasSuffix(" 1") == true, "\(lines)")
        #expect(lines.count == 2, "\(lines)")
    }

    @Test("GET /api/v1/metrics counts each rating under its channel (pad, phone, kiosk), for the hall and the service")
    func perChannelInTheAPI() throws {
        defer { app.stop() }
        let byPad = try visit()
        #expect(try rate(byPad["number"] as! String, token: pads["1"]!, json: #"{"rating":5}"#).status == 201)
        let atKiosk = try visit()
        let code = atKiosk["evaluationCode"] as! String
        #expect(try rate(atKiosk["number"] as! String, token: kiosk, json: #"{"rating":4,"code":"x"}"#).status == 403)
        #expect(
            try rate(atKiosk["number"] as! String, token: kiosk, json: #"{"rating":4,"code":"\#(code)"}"#).status == 201
        )
        let byPhone = try visit(service: "T-HY-001")
        let form = try app.client.send(
            "POST", "/t/\(byPhone["id"] as! String)/evaluation",
            headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data("rating=2&reason-attitude=on".utf8))
        #expect(form.status == 303, "\(form.text)")
        let state = app.application.state
        let last = try state.storage.lastQueueEventId()
        let deadline = Date().addingTimeInterval(5)
        while state.metrics.read(\.lastEventId) < last, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        let admin = try app.createToken(role: .admin, name: "admin")
        let body = try app.client.get(
            "/api/v1/metrics?from=2026-11-27&to=2026-11-27", headers: ["Authorization": "Bearer \(admin)"]
        ).json
        func channels(_ figures: [String: Any]?) -> [String: [String: Int]]? {
            (figures?["satisfaction"] as? [String: Any])?["byChannel"] as? [String: [String: Int]]
        }
        let hall = try #require(channels(body))
        #expect(Set(hall.keys) == ["pad", "phone", "kiosk"], "\(hall)")
        #expect(hall["pad"]?["5"] == 1 && hall["kiosk"]?["4"] == 1 && hall["phone"]?["2"] == 1, "\(hall)")
        #expect(hall.values.map { $0.values.reduce(0, +) }.reduce(0, +) == 3, "the refused rating counts nowhere")
        let services = try #require(body["services"] as? [[String: Any]])
        let dibao = channels(services.first { $0["serviceId"] as? String == "T-JZ-001" })
        #expect(dibao?["phone"]?.values.reduce(0, +) == 0 && dibao?["pad"]?["5"] == 1, "\(String(describing: dibao))")
        let marriage = channels(services.first { $0["serviceId"] as? String == "T-HY-001" })
        #expect(marriage?["phone"]?["2"] == 1 && marriage?["kiosk"]?.values.reduce(0, +) == 0)
    }
}
