import Foundation
import OneWindowTesting
import Testing

/// `GET /api/v1/appointments/slots`: the public slot list of a hall with appointments.
@Suite("Appointment slots over HTTP", .timeLimit(.minutes(2)))
struct AppointmentSlotsAPITests {
    /// The fixture with appointments: A (婚姻登记) has 2 places per 30-minute slot, 09:00–11:30
    /// and 13:30–16:30; 2026-12-01 is a holiday.
    static func catalogue(in directory: TemporaryDirectory) throws -> String {
        var document =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue)))
            as! [String: Any]
        var hall = document["hall"] as! [String: Any]
        hall["holidays"] = ["2026-12-01"]
        hall["appointments"] = [
            "sessions": [["from": "09:00", "to": "11:30"], ["from": "13:30", "to": "16:30"]],
            "slotMinutes": 30, "capacity": ["A": 2],
        ]
        document["hall"] = hall
        let path = directory.path("services.json")
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("slots of working days only, started ones left out, each with its places and when booking opens")
    func slots() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_744_800))  // Friday 2026-11-27, 10:00 in Shanghai
        let app = try TestApplication(catalogue: try Self.catalogue(in: directory)) { $0.clock = { clock.read() } }
        defer { app.stop() }
        let response = try app.client.get("/api/v1/appointments/slots?serviceId=T-HY-001&from=2026-11-27&to=2026-12-01")
        #expect(response.status == 200, "\(response.text)")
        #expect(response.headers["cache-control"] == "no-store")
        let slots = try #require(response.json["slots"] as? [[String: Any]])
        let days = Dictionary(grouping: slots, by: { $0["day"] as! String }).mapValues(\.count)
        // Friday from 10:30 (10:00 has started): 10:30, 11:00 and 6 in the afternoon; Monday 11; Tuesday a holiday.
        #expect(days == ["2026-11-27": 8, "2026-11-30": 11])
        #expect(slots.first?["start"] as? String == "10:30")
        #expect(slots.allSatisfy { $0["left"] as? Int == 2 && $0["capacity"] as? Int == 2 })
        let monday = try #require(slots.first { $0["day"] as? String == "2026-11-30" })
        #expect(monday["bookingOpens"] as? String == "2026-11-23T00:00:00Z", "7 days before, 08:00 in Shanghai")
        #expect(response.json["letter"] as? String == "A" && response.json["slotMinutes"] as? Int == 30)
    }

    @Test(
        "bad queries get 400, unknown services 404, services without places 422, and a hall without appointments 422",
        arguments: [
            ("serviceId=T-HY-001&from=2026-11-27", 400, "invalid_parameter"),
            ("from=2026-11-27&to=2026-11-28", 400, "invalid_parameter"),
            ("serviceId=T-HY-001&from=2026-11-28&to=2026-11-27", 400, "invalid_parameter"),
            ("serviceId=T-HY-001&from=2026-11-01&to=2027-01-31", 400, "invalid_parameter"),
            ("serviceId=T-HY-001&from=2026-13-01&to=2026-13-02", 400, "invalid_parameter"),
            ("serviceId=NOPE&from=2026-11-27&to=2026-11-28", 404, "service_not_found"),
            ("serviceId=T-JZ-001&from=2026-11-27&to=2026-11-28", 422, "service_not_bookable"),
        ])
    func hostile(query: String, status: Int, code: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let app = try TestApplication(catalogue: try Self.catalogue(in: directory))
        defer { app.stop() }
        let response = try app.client.get("/api/v1/appointments/slots?\(query)")
        #expect(response.status == status, "\(response.text)")
        #expect((response.json["error"] as? [String: Any])?["code"] as? String == code)
    }

    @Test("a hall whose catalogue has no appointments books nothing: 422 service_not_bookable")
    func noAppointments() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let response = try app.client.get("/api/v1/appointments/slots?serviceId=T-HY-001&from=2026-11-27&to=2026-11-28")
        #expect(response.status == 422)
        #expect((response.json["error"] as? [String: Any])?["code"] as? String == "service_not_bookable")
    }
}
