import Foundation
import OneWindowApp
import OneWindowCity
import OneWindowCore
import OneWindowTesting
import Testing

/// A hall's database restored from an older backup, or reinstalled, under the same hall id:
/// its event numbers are the city's, its events are not. The city refuses them (409
/// `sequence_conflict`) instead of skipping them as a resend; `onewindow-city hall-reset` lets
/// the hall send its whole log again.
@Suite("A hall restored from an older backup", .serialized, .timeLimit(.minutes(3)))
struct CityRestoredHallTests {
    static func ack(_ response: TestResponse) throws -> CityAck {
        #expect(response.status == 200, "\(response.text)")
        return try JSONDecoder().decode(CityAck.self, from: response.body)
    }

    /// `issuedBatch`, with ticket `A3` (seq 3) replaced by another ticket.
    static func otherThird(after: Int64, first: Int64, count: Int) -> CityEventBatch {
        var batch = issuedBatch(after: after, first: first, count: count)
        for index in batch.events.indices where batch.events[index].seq == 3 { batch.events[index].ticketId = "B3" }
        return batch
    }

    @Test(
        "a batch whose event under a held number differs is refused whole with 409; the same events sent again are not")
    func conflictRefused() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        #expect(try Self.ack(city.post("xigang", issuedBatch(after: 0, first: 1, count: 5), token: token)).held == 5)
        // A resend after a lost answer: the same events, skipped.
        #expect(
            try Self.ack(city.post("xigang", issuedBatch(after: 2, first: 3, count: 5), token: token))
                == CityAck(held: 7, stored: 2))
        // Another database's events under the numbers held: refused, and nothing of the batch stored.
        let refused = try city.post("xigang", Self.otherThird(after: 2, first: 3, count: 8), token: token)
        #expect(refused.status == 409 && refused.errorCode == "sequence_conflict", "\(refused.text)")
        let message = (refused.json["error"] as? [String: Any])?["message"] as? String ?? ""
        #expect(message.contains("event 3 of this batch") && message.contains("hall-reset"), "\(message)")
        // Each field counts: a time a millisecond off is another event too.
        var later = issuedBatch(after: 6, first: 7, count: 2)
        later.events[0].at += 0.001
        #expect(try city.post("xigang", later, token: token).errorCode == "sequence_conflict")
        let store = city.application.store
        #expect(try CityDatabase.wait { try await store.eventCounts(hallId: "xigang") }.rows == 7)
        let report = try city.metrics("from=2026-11-02&to=2026-11-02")
        #expect((report.json["city"] as? [String: Any])?["ticketsIssued"] as? Int == 7, "\(report.text)")
        // The hall can still send what follows its held events, when they are its own.
        #expect(try Self.ack(city.post("xigang", issuedBatch(after: 7, first: 8, count: 1), token: token)).held == 8)
    }

    @Test("hall-reset without --yes only counts; with it the city forgets the hall, and the hall's log is folded anew")
    func resetByCommand() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        let other = try city.addHall("zhongshan")
        #expect(try Self.ack(city.post("xigang", issuedBatch(after: 0, first: 1, count: 5), token: token)).held == 5)
        #expect(try Self.ack(city.post("zhongshan", issuedBatch(after: 0, first: 1, count: 2), token: other)).held == 2)
        let counted = try CityTokenCommandTests.city(city, ["hall-reset", "xigang"])
        #expect(counted.status == 1 && counted.output.contains("holds 5 events (1 to 5)"), "\(counted.output)")
        #expect(counted.output.contains("--yes"), "\(counted.output)")
        let store = city.application.store
        #expect(try CityDatabase.wait { try await store.eventCounts(hallId: "xigang") }.rows == 5)

        let reset = try CityTokenCommandTests.city(city, ["hall-reset", "xigang", "--yes"])
        #expect(reset.status == 0 && reset.output.contains("removed 5 events"), "\(reset.output)")
        #expect(try CityDatabase.wait { try await store.eventCounts(hallId: "xigang") }.rows == 0)
        let emptied = try city.metrics("from=2026-11-02&to=2026-11-02&hall=xigang")
        #expect((emptied.json["city"] as? [String: Any])?["ticketsIssued"] as? Int == 0, "\(emptied.text)")
        // The hall's next batch, after its old cursor, is told to send from the start.
        #expect(
            try Self.ack(city.post("xigang", Self.otherThird(after: 5, first: 6, count: 3), token: token)).held == 0)
        #expect(
            try Self.ack(city.post("xigang", Self.otherThird(after: 0, first: 1, count: 8), token: token)).held == 8)
        let report = try city.metrics("from=2026-11-02&to=2026-11-02")
        #expect((report.json["city"] as? [String: Any])?["ticketsIssued"] as? Int == 10, "\(report.text)")
        let halls = report.json["halls"] as? [[String: Any]] ?? []
        let xigang = halls.first { $0["hallId"] as? String == "xigang" }
        #expect(xigang?["ticketsIssued"] as? Int == 8, "\(halls)")
        let unknown = try CityTokenCommandTests.city(city, ["hall-reset", "nowhere", "--yes"])
        #expect(unknown.status != 0 && unknown.output.contains("no hall “nowhere”"), "\(unknown.output)")
    }

    @Test("a reset whose write fails in PostgreSQL changes nothing, and the next one works")
    func resetFails() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        #expect(try Self.ack(city.post("xigang", issuedBatch(after: 0, first: 1, count: 5), token: token)).held == 5)
        try city.cluster.psql(
            """
            CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'injected: city_prefix cannot be written'; END $$;
            CREATE TRIGGER refuse_delete BEFORE DELETE ON city_prefix FOR EACH ROW EXECUTE FUNCTION refuse_delete();
            """, database: city.location.database)
        let failed = try CityTokenCommandTests.city(city, ["hall-reset", "xigang", "--yes"])
        #expect(failed.status != 0 && failed.output.contains("injected"), "\(failed.output)")
        let store = city.application.store
        #expect(try CityDatabase.wait { try await store.eventCounts(hallId: "xigang") }.rows == 5)
        let kept = try city.metrics("from=2026-11-02&to=2026-11-02")
        #expect((kept.json["city"] as? [String: Any])?["ticketsIssued"] as? Int == 5, "\(kept.text)")
        #expect(try Self.ack(city.post("xigang", issuedBatch(after: 5, first: 6, count: 1), token: token)).held == 6)
        try city.cluster.psql("DROP TRIGGER refuse_delete ON city_prefix", database: city.location.database)
        let reset = try CityTokenCommandTests.city(city, ["hall-reset", "xigang", "--yes"])
        #expect(reset.status == 0 && reset.output.contains("removed 6 events"), "\(reset.output)")
    }

    @Test(
        "a reinstalled hall whose log outruns the city's is refused, says so in /healthz, and after hall-reset sends its whole log"
    )
    func reinstalledHall() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        // What the hall's old database sent before its disk died.
        #expect(try Self.ack(city.post("xigang", issuedBatch(after: 0, first: 1, count: 3), token: token)).held == 3)
        var export = CityExport(
            url: URL(string: "http://127.0.0.1:\(city.client.port)")!, hallId: "xigang", token: token)
        export.backoff = OutboxBackoff(first: 0.1, maximum: 0.2)
        let hall = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.cityExport = export }
        defer { hall.stop() }
        let kiosk = try hall.createToken(role: .kiosk, name: "kiosk")
        for _ in 0..<5 { #expect(try hall.issue(token: kiosk, service: "T-JZ-001").status == 201) }
        var shown = ""
        let refused = try waitUntil(seconds: 10) {
            let health = try hall.client.get("/healthz").json["city"] as? [String: Any]
            shown = health?["lastError"] as? String ?? ""
            return shown.contains("sequence_conflict")
        }
        #expect(refused, "/healthz shows “\(shown)”")
        #expect(shown.contains("onewindow-city hall-reset"), "\(shown)")
        let store = city.application.store
        #expect(try CityDatabase.wait { try await store.eventCounts(hallId: "xigang") }.rows == 3)

        let reset = try CityTokenCommandTests.city(city, ["hall-reset", "xigang", "--yes"])
        #expect(reset.status == 0, "\(reset.output)")
        let last = try hall.application.state.storage.lastQueueEventId()
        #expect(
            try waitUntil(seconds: 20) { try hall.application.state.storage.cityCursor() == last },
            "the hall's whole log (\(last) events) reached the city")
        #expect(try CityDatabase.wait { try await store.eventCounts(hallId: "xigang") } == (Int(last), Int(last)))
        // The city's figures are now the hall's own: its five tickets, none of the old database's.
        let day = hall.application.state.queue.read(\.day)
        let report = try city.metrics("from=\(day)&to=\(day)&hall=xigang")
        #expect((report.json["city"] as? [String: Any])?["ticketsIssued"] as? Int == 5, "\(report.text)")
    }
}
