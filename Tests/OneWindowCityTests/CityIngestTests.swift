import Foundation
import OneWindowCity
import OneWindowCore
import OneWindowTesting
import Testing

@Suite("City ingest", .serialized, .timeLimit(.minutes(2)))
struct CityIngestTests {
    @Test("each event is stored once, and the answer holds the highest contiguous seq")
    func storedOnce() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        func ack(_ batch: CityEventBatch) throws -> CityAck {
            let response = try city.post("xigang", batch, token: token)
            #expect(response.status == 200, "\(response.text)")
            return try JSONDecoder().decode(CityAck.self, from: response.body)
        }
        #expect(try ack(issuedBatch(after: 0, first: 1, count: 3)) == CityAck(held: 3, stored: 3))
        // Sent again (an answer lost): nothing new.
        #expect(try ack(issuedBatch(after: 0, first: 1, count: 3)) == CityAck(held: 3, stored: 0))
        // After a gap: not stored; the answer says where to send from.
        #expect(try ack(issuedBatch(after: 5, first: 6, count: 2)) == CityAck(held: 3, stored: 0))
        // Overlapping: only the new ones.
        #expect(try ack(issuedBatch(after: 2, first: 3, count: 3)) == CityAck(held: 5, stored: 2))
        let store = city.application.store
        let counts = try CityDatabase.wait { try await store.eventCounts(hallId: "xigang") }
        #expect(counts.rows == 5 && counts.distinct == 5)
        let report = try city.metrics("from=2026-11-02&to=2026-11-02")
        #expect(report.status == 200, "\(report.text)")
        let cityFigures = report.json["city"] as? [String: Any]
        #expect(cityFigures?["ticketsIssued"] as? Int == 5)
    }

    @Test("a hall's token writes only its own hall; other tokens and bad batches are refused")
    func hostileInputs() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let xigang = try city.addHall("xigang")
        try city.addHall("zhongshan")
        let batch = issuedBatch(after: 0, first: 1, count: 2)
        #expect(try city.post("zhongshan", batch, token: xigang).errorCode == "wrong_hall")
        #expect(try city.post("nowhere", batch, token: xigang).errorCode == "wrong_hall")
        #expect(try city.post("xigang", batch, token: "not-a-token").status == 401)
        #expect(try city.post("xigang", batch, token: city.reader).status == 403)
        let headers = ["Authorization": "Bearer \(xigang)", "Content-Type": "application/json"]
        for body in [
            "{", #"{"after":0}"#, #"{"after":-1,"events":[]}"#,
            #"{"after":0,"events":[{"seq":1,"kind":"teleported","at":1}]}"#,
            #"{"after":3,"events":[{"seq":2,"kind":"issued","at":1}]}"#,
            #"{"after":0,"events":[{"seq":2,"kind":"issued","at":1},{"seq":2,"kind":"issued","at":1}]}"#,
        ] {
            let response = try city.client.send(
                "POST", "/api/v1/halls/xigang/events", headers: headers, body: Data(body.utf8))
            #expect(response.status == 400, "\(body): \(response.status) \(response.text)")
        }
        #expect(try city.metrics("from=2026-11-02&to=2026-11-02&hall=nowhere").errorCode == "hall_not_found")
        #expect(try city.metrics("from=2026-11-03&to=2026-11-02").errorCode == "invalid_parameter")
        #expect(try city.metrics("from=2026-11-02&to=2026-11-02&colour=red").errorCode == "unknown_parameter")
        let unsigned = try city.client.get("/api/v1/city/metrics?from=2026-11-02&to=2026-11-02")
        #expect(unsigned.status == 401)
        let asHall = try city.client.get(
            "/api/v1/city/metrics?from=2026-11-02&to=2026-11-02", headers: ["Authorization": "Bearer \(xigang)"])
        #expect(asHall.status == 403)
        let store = city.application.store
        let counts = try CityDatabase.wait { try await store.eventCounts(hallId: "xigang") }
        #expect(counts.rows == 0)
    }

    @Test("with PostgreSQL stopped a batch is answered 503 and nothing is lost; once it is back the batch is stored")
    func databaseDown() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        #expect(try city.post("xigang", issuedBatch(after: 0, first: 1, count: 2), token: token).status == 200)
        city.cluster.stop(immediately: true)
        let refused = try city.post("xigang", issuedBatch(after: 2, first: 3, count: 2), token: token)
        #expect(refused.status == 503, "\(refused.text)")
        #expect(try city.client.get("/healthz").status == 503)
        try city.cluster.start()
        var answer = try city.post("xigang", issuedBatch(after: 2, first: 3, count: 2), token: token)
        #expect(
            try waitUntil(seconds: 20, interval: 0.2) {
                answer = try city.post("xigang", issuedBatch(after: 2, first: 3, count: 2), token: token)
                return answer.status == 200
            }, "\(answer.text)")
        #expect(try JSONDecoder().decode(CityAck.self, from: answer.body).held == 4)
        let store = city.application.store
        let counts = try CityDatabase.wait { try await store.eventCounts(hallId: "xigang") }
        #expect(counts.rows == 4 && counts.distinct == 4)
    }
}
