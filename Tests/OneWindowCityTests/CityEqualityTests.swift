import Foundation
import OneWindowApp
import OneWindowCity
import OneWindowCore
import OneWindowTesting
import Testing

@Suite("City figures equal the hall's", .serialized, .timeLimit(.minutes(3)))
struct CityEqualityTests {
    /// The hall's stored event log, sent to the city as the hall's sender sends it.
    static func send(_ hall: ScriptedMonth, to city: CityHarness, hallId: String, token: String, batch: Int) throws {
        let events = try hall.app.application.state.storage.queueEvents()
        var after: Int64 = 0
        for start in stride(from: 0, to: events.count, by: batch) {
            let part = events[start..<min(start + batch, events.count)]
            let response = try city.post(
                hallId, CityEventBatch(after: after, events: part.map { CityEvent(seq: $0.id, $0.event) }), token: token
            )
            #expect(response.status == 200, "\(response.text)")
            after = part.last!.id
        }
    }

    /// The figures as JSON objects, without the city's own keys (the hall's id and name).
    static func figures(_ object: Any?) -> NSDictionary {
        var dictionary = object as? [String: Any] ?? [:]
        dictionary["hallId"] = nil
        dictionary["name"] = nil
        return dictionary as NSDictionary
    }

    /// The keys (dotted paths) whose values differ, for a readable failure.
    static func differences(_ left: Any?, _ right: Any?, at path: String = "") -> [String] {
        if let left = left as? [String: Any], let right = right as? [String: Any] {
            return Set(left.keys).union(right.keys).sorted().flatMap {
                differences(left[$0], right[$0], at: path.isEmpty ? $0 : "\(path).\($0)")
            }
        }
        if let left = left as? [Any], let right = right as? [Any], left.count == right.count {
            return zip(left, right).enumerated().flatMap { differences($1.0, $1.1, at: "\(path)[\($0)]") }
        }
        let same =
            (left as? NSObject).flatMap { l in (right as? NSObject).map { l.isEqual($0) } }
            ?? (left == nil && right == nil)
        return same ? [] : ["\(path): \(left.map { "\($0)" } ?? "nil") ≠ \(right.map { "\($0)" } ?? "nil")"]
    }

    /// For each range, with and without a service: the city's figures of its one hall, and its
    /// total, equal the hall's own `/api/v1/metrics`, field by field.
    static func compare(_ hall: ScriptedMonth, _ city: CityHarness, ranges: [(String, String)]) throws {
        for (from, to) in ranges {
            for service in [nil, "T-JZ-001"] {
                let query = "from=\(from)&to=\(to)" + (service.map { "&serviceId=\($0)" } ?? "")
                let own = try hall.app.client.get(
                    "/api/v1/metrics?\(query)", headers: ["Authorization": "Bearer \(hall.admin)"])
                #expect(own.status == 200, "\(own.text)")
                let cityQuery = "from=\(from)&to=\(to)" + (service.map { "&service=\($0)" } ?? "")
                let report = try city.metrics(cityQuery)
                #expect(report.status == 200, "\(report.text)")
                let halls = report.json["halls"] as? [[String: Any]] ?? []
                let mine = Self.figures(try JSONSerialization.jsonObject(with: own.body))
                #expect(
                    Self.figures(halls.first) == mine,
                    "\(query): \(Self.differences(Self.figures(halls.first), mine))")
                // One hall: the city's sum is the hall's.
                #expect(Self.figures(report.json["city"]) == mine, "\(query): the city's total")
            }
        }
    }

    @Test("for a scripted week, the city's figures of a hall equal the hall's own /api/v1/metrics, field by field")
    func scriptedWeek() throws {
        let hall = try ScriptedMonth()
        defer { hall.stop() }
        try hall.play(days: 7, restartAfter: 3)
        try hall.settle()
        let catalogue = hall.app.application.state.catalogue.published
        let clock = hall.clock
        let city = try CityHarness(catalogue: catalogue, clock: { clock.read() })
        defer { city.stop() }
        let token = try city.addHall("xigang")
        try Self.send(hall, to: city, hallId: "xigang", token: token, batch: 37)
        try Self.compare(
            hall, city,
            ranges: [("2026-11-02", "2026-11-08"), ("2026-11-03", "2026-11-05"), ("2026-11-08", "2026-11-08")])
        let store = city.application.store
        let details = try CityDatabase.wait { try await store.eventDetails(hallId: "xigang") }
        #expect(!details.isEmpty)
        for text in ["等得太久", "不符合条件", "已向窗口培训", "申请人撤回", "manager", "clerk"] {
            #expect(!details.contains { $0.contains(text) }, "a stored detail carries “\(text)”")
        }
    }

    @Test(
        "over five weeks, ranges of whole months, partial months and both give the city the hall's own figures"
    )
    func wholeAndPartialMonths() throws {
        let hall = try ScriptedMonth()
        defer { hall.stop() }
        try hall.play(days: 33, restartAfter: 12)  // 2026-11-02 … 2026-12-04
        try hall.settle()
        let clock = hall.clock
        let city = try CityHarness(catalogue: hall.app.application.state.catalogue.published, clock: { clock.read() })
        defer { city.stop() }
        let token = try city.addHall("xigang")
        try Self.send(hall, to: city, hallId: "xigang", token: token, batch: 53)
        try Self.compare(
            hall, city,
            ranges: [
                ("2026-11-01", "2026-11-30"),  // one whole month
                ("2026-10-01", "2026-12-31"),  // three whole months, the first empty, the last today's
                ("2026-11-01", "2026-12-03"),  // a whole month and a partial one
                ("2026-11-10", "2026-12-02"),  // two partial months
                ("2026-11-02", "2026-11-20"),  // a partial month; later days and months tell of its cohorts
                ("2026-12-01", "2026-12-04"),
            ])
    }

    @Test(
        "a hall cut off for days catches up in large batches, and ranges starting and ending inside months equal the hall's"
    )
    func catchUpAfterAnOutage() throws {
        let hall = try ScriptedMonth()
        defer { hall.stop() }
        try hall.play(days: 33, restartAfter: 12)  // 2026-11-02 … 2026-12-04
        try hall.settle()
        let clock = hall.clock
        let city = try CityHarness(catalogue: hall.app.application.state.catalogue.published, clock: { clock.read() })
        defer { city.stop() }
        let token = try city.addHall("xigang")
        let events = try hall.app.application.state.storage.queueEvents().map { CityEvent(seq: $0.id, $0.event) }
        // Until 2026-11-18 in small batches; then the city is cut off.
        let cut = events.firstIndex { ($0.hallDay ?? "") > "2026-11-18" } ?? events.count
        var after: Int64 = 0
        for start in stride(from: 0, to: cut, by: 41) {
            let part = Array(events[start..<min(start + 41, cut)])
            #expect(try city.post("xigang", CityEventBatch(after: after, events: part), token: token).status == 200)
            after = part.last!.seq
        }
        // The days since come in the largest batches the city takes, each spanning days.
        for start in stride(from: cut, to: events.count, by: 2_000) {
            let part = Array(events[start..<min(start + 2_000, events.count)])
            let response = try city.post("xigang", CityEventBatch(after: after, events: part), token: token)
            #expect(response.status == 200, "\(response.text)")
            after = part.last!.seq
        }
        try Self.compare(
            hall, city,
            ranges: [
                ("2026-11-05", "2026-11-25"), ("2026-11-17", "2026-12-03"), ("2026-11-02", "2026-12-04"),
                ("2026-11-19", "2026-11-19"),
            ])
    }
}
