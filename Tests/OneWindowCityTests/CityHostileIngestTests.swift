import Foundation
import OneWindowCity
import OneWindowCore
import OneWindowTesting
import Testing

/// Ingest tried as an attacker (or a broken hall) would: every refusal is a 4xx JSON error that
/// names what is wrong, stores nothing of the batch, and leaves the hall's stream able to go on.
@Suite("City ingest with hostile input", .serialized, .timeLimit(.minutes(3)))
struct CityHostileIngestTests {
    static func event(
        _ seq: Int64, _ kind: QueueEvent.Kind = .issued, ticket: String? = "A1", day: String? = "2026-11-02",
        at: Double = 815_000_100, detail: String? = nil
    ) -> CityEvent {
        CityEvent(
            seq: seq, kind: kind, ticketId: ticket, serviceId: "T-JZ-001", caseId: nil, hallDay: day, at: at,
            detail: detail)
    }

    func storedRows(_ city: CityHarness, _ hallId: String = "xigang") throws -> Int {
        let store = city.application.store
        return try CityDatabase.wait { try await store.eventCounts(hallId: hallId) }.rows
    }

    @Test(
        "an event no hall writes (a NUL, a time past 2100, a day that is no date, an id too long) refuses its whole batch with 400 naming the event, and the next good batch is stored"
    )
    func eventsNoHallWrites() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        #expect(try city.post("xigang", issuedBatch(after: 0, first: 1, count: 2), token: token).status == 200)
        let hostile: [(String, CityEvent)] = [
            ("a NUL in an id", Self.event(4, ticket: "A\u{0}4")),
            ("a NUL in the detail", Self.event(4, .completed, detail: #"{"outcome":"done\#u{0}"}"#)),
            // A call 1e300 seconds after its ticket: the fold's whole seconds would trap.
            ("a time past 2100", Self.event(4, .called, at: 1e300)),
            ("a time before 2000", Self.event(4, .called, at: -1e300)),
            ("a day that is no date", Self.event(4, day: "2026-13-45")),
            ("a day in the year 9999", Self.event(4, day: "9999-12-31")),
            ("an injection-shaped day", Self.event(4, day: "'; DROP TABLE city_event; --")),
            ("an id of 201 bytes", Self.event(4, ticket: String(repeating: "A", count: 201))),
            ("a detail of 17 KB", Self.event(4, .completed, detail: String(repeating: " ", count: 17_000))),
        ]
        for (name, bad) in hostile {
            // The good event before the bad one is not stored either: a batch is stored whole.
            let batch = CityEventBatch(after: 2, events: [Self.event(3, ticket: "A3"), bad])
            let response = try city.post("xigang", batch, token: token)
            #expect(response.status == 400, "\(name): \(response.status) \(response.text)")
            #expect(response.errorCode == "malformed_body", "\(name)")
            #expect(response.errorMessage?.contains("event 4") == true, "\(name): \(response.text)")
        }
        #expect(try storedRows(city) == 2)
        let good = try city.post("xigang", issuedBatch(after: 2, first: 3, count: 2), token: token)
        #expect(good.status == 200, "\(good.text)")
        #expect(try JSONDecoder().decode(CityAck.self, from: good.body) == CityAck(held: 4, stored: 2))
        #expect(try city.client.get("/healthz").status == 200)
    }

    @Test(
        "a call for a ticket the city never saw and a day that goes backwards are stored and folded, and the figures of each day stay right"
    )
    func foldInvariants() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        func ack(_ batch: CityEventBatch) throws -> CityAck {
            let response = try city.post("xigang", batch, token: token)
            #expect(response.status == 200, "\(response.text)")
            return try JSONDecoder().decode(CityAck.self, from: response.body)
        }
        let first = CityEventBatch(
            after: 0,
            events: [
                Self.event(1, ticket: "A1", day: "2026-11-03", at: 815_100_000),
                Self.event(2, .called, ticket: "Z9", day: "2026-11-03", at: 815_100_060),
            ])
        #expect(try ack(first) == CityAck(held: 2, stored: 2))
        // The hall's clock and day stepped back a day (a wrong NTP, a restored VM).
        let back = CityEventBatch(after: 2, events: [Self.event(3, ticket: "A3", day: "2026-11-02", at: 815_000_000)])
        #expect(try ack(back) == CityAck(held: 3, stored: 1))
        let again = CityEventBatch(after: 3, events: [Self.event(4, ticket: "A4", day: "2026-11-03", at: 815_100_100)])
        #expect(try ack(again) == CityAck(held: 4, stored: 1))
        for (range, issued) in [
            ("from=2026-11-02&to=2026-11-02", 1), ("from=2026-11-03&to=2026-11-03", 2),
            ("from=2026-11-02&to=2026-11-03", 3), ("from=2026-11-01&to=2026-11-30", 3),
            ("from=2026-11-04&to=2026-11-30", 0),
        ] {
            let report = try city.metrics(range)
            #expect(report.status == 200, "\(report.text)")
            let figures = report.json["city"] as? [String: Any]
            #expect(figures?["ticketsIssued"] as? Int == issued, "\(range): \(report.text)")
        }
    }

    @Test(
        "a body over 4 MiB is 413, a batch over 2,000 events, a broken encoding or a wrong number is 400, a wrong type 415: nothing is stored"
    )
    func sizesAndEncodings() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        let headers = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
        func send(_ body: Data, headers: [String: String] = headers) throws -> TestResponse {
            try city.client.send("POST", "/api/v1/halls/xigang/events", headers: headers, body: body)
        }
        let huge = try send(Data(repeating: UInt8(ascii: " "), count: 4 * 1024 * 1024 + 1))
        #expect(huge.status == 413 && huge.errorCode == "body_too_large", "\(huge.status) \(huge.text)")
        let many = try send(try JSONEncoder().encode(issuedBatch(after: 0, first: 1, count: 2_001)))
        #expect(many.status == 400 && many.errorMessage?.contains("at most 2000") == true, "\(many.text)")
        var broken = Data(#"{"after":0,"events":[{"seq":1,"kind":"issued","ticketId":""#.utf8)
        broken += Data([0xFF, 0xFE, 0xC3])
        broken += Data(#"","at":815000000}]}"#.utf8)
        for (name, body) in [
            ("invalid UTF-8", broken),
            ("a seq past Int64", Data(#"{"after":0,"events":[{"seq":1e30,"kind":"issued","at":815000000}]}"#.utf8)),
            ("a negative seq", Data(#"{"after":0,"events":[{"seq":-5,"kind":"issued","at":815000000}]}"#.utf8)),
            ("a seq as text", Data(#"{"after":0,"events":[{"seq":"1","kind":"issued","at":815000000}]}"#.utf8)),
            ("a time as NaN", Data(#"{"after":0,"events":[{"seq":1,"kind":"issued","at":NaN}]}"#.utf8)),
            ("an array", Data("[]".utf8)), ("nothing", Data()),
        ] {
            let response = try send(body)
            #expect(response.status == 400, "\(name): \(response.status) \(response.text)")
            #expect(response.errorCode != nil, "\(name): no JSON error body: \(response.text)")
        }
        let text = try send(
            try JSONEncoder().encode(issuedBatch(after: 0, first: 1, count: 1)),
            headers: ["Authorization": "Bearer \(token)", "Content-Type": "text/plain"])
        #expect(text.status == 415 && text.errorCode == "unsupported_media_type", "\(text.text)")
        #expect(try storedRows(city) == 0)
        // The hall goes on as if nothing happened.
        #expect(try city.post("xigang", issuedBatch(after: 0, first: 1, count: 2), token: token).status == 200)
    }

    @Test(
        "a body trickled in (slowloris) is cut off after the request timeout, stores nothing, and blocks no other hall")
    func slowBody() throws {
        let city = try CityHarness(configure: { $0.http.requestTimeoutSeconds = 1 })
        defer { city.stop() }
        let xigang = try city.addHall("xigang")
        let zhongshan = try city.addHall("zhongshan")
        let port = city.client.port
        let slow = try RawConnection(port: port)
        #expect(
            slow.send(
                "POST /api/v1/halls/xigang/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(xigang)\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"after\":0,"))
        let other = try city.post("zhongshan", issuedBatch(after: 0, first: 1, count: 2), token: zhongshan)
        #expect(other.status == 200, "\(other.text)")
        #expect(slow.waitForClose(seconds: 15), "the trickling connection is still open")
        #expect(try storedRows(city) == 0)
        #expect(try city.post("xigang", issuedBatch(after: 0, first: 1, count: 2), token: xigang).status == 200)
    }
}

extension TestResponse {
    /// `error.message` of a JSON error body.
    var errorMessage: String? { (json["error"] as? [String: Any])?["message"] as? String }
}
