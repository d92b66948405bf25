import Foundation
import OneWindowTesting
import Testing

/// Ratings are counted per channel in Prometheus, so a hall sees how its 好差评 come in.
@Suite("Ratings per channel in Prometheus", .timeLimit(.minutes(2)))
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
}
