import Foundation
import OneWindowCity
import OneWindowCore
import OneWindowTesting
import Testing

/// Every city route tried with hostile requests: each answer is a clear 4xx (a JSON error body
/// on the API, a page on the pages), and every status the city answers is in its OpenAPI
/// document for that operation.
@Suite("City routes with hostile requests", .serialized, .timeLimit(.minutes(3)))
struct CityHostileRequestTests {
    struct Probe {
        var name: String
        var method: String
        /// The route's pattern, as the OpenAPI document names it.
        var pattern: String
        var target: String
        var headers: [String: String] = [:]
        var body = Data()
        /// What it must answer.
        var status: Int
    }

    static func probes(reader: String, hall: String, session: String, etags: [String: String]) -> [Probe] {
        let asReader = ["Authorization": "Bearer \(reader)"]
        let metrics = "/api/v1/city/metrics"
        let events = "/api/v1/halls/{hallId}/events"
        let json = ["Authorization": "Bearer \(hall)", "Content-Type": "application/json"]
        let form = ["Content-Type": "application/x-www-form-urlencoded"]
        let signedIn = ["Cookie": session]
        let long = String(repeating: "a", count: 101)
        return [
            Probe(
                name: "a 10-year range", method: "GET", pattern: metrics,
                target: "\(metrics)?from=2016-01-01&to=2026-01-01", headers: asReader, status: 400),
            Probe(
                name: "from after to", method: "GET", pattern: metrics,
                target: "\(metrics)?from=2026-11-03&to=2026-11-02", headers: asReader, status: 400),
            Probe(
                name: "a day that is no date", method: "GET", pattern: metrics,
                target: "\(metrics)?from=2026-02-30&to=2026-03-01", headers: asReader, status: 400),
            Probe(
                name: "a NUL after the day", method: "GET", pattern: metrics,
                target: "\(metrics)?from=2026-11-02%00&to=2026-11-02", headers: asReader, status: 400),
            Probe(
                name: "from given twice", method: "GET", pattern: metrics,
                target: "\(metrics)?from=2026-11-02&from=2026-11-01&to=2026-11-02", headers: asReader, status: 400),
            Probe(
                name: "no from", method: "GET", pattern: metrics, target: "\(metrics)?to=2026-11-02",
                headers: asReader, status: 400),
            Probe(
                name: "an injection-shaped hall", method: "GET", pattern: metrics,
                target: "\(metrics)?from=2026-11-02&to=2026-11-02&hall=%27%20OR%201%3D1%20--", headers: asReader,
                status: 404),
            Probe(
                name: "a hall of 101 letters", method: "GET", pattern: metrics,
                target: "\(metrics)?from=2026-11-02&to=2026-11-02&hall=\(long)", headers: asReader, status: 400),
            Probe(
                name: "a hall in broken UTF-8", method: "GET", pattern: metrics,
                target: "\(metrics)?from=2026-11-02&to=2026-11-02&hall=%FF%FE", headers: asReader, status: 400),
            Probe(
                name: "an unknown parameter", method: "GET", pattern: metrics,
                target: "\(metrics)?from=2026-11-02&to=2026-11-02&colour=red", headers: asReader, status: 400),
            Probe(
                name: "no token", method: "GET", pattern: metrics, target: "\(metrics)?from=2026-11-02&to=2026-11-02",
                status: 401),
            Probe(
                name: "a hall's token", method: "GET", pattern: metrics,
                target: "\(metrics)?from=2026-11-02&to=2026-11-02", headers: ["Authorization": "Bearer \(hall)"],
                status: 403),
            Probe(name: "a POST", method: "POST", pattern: metrics, target: metrics, headers: asReader, status: 405),
            Probe(
                name: "ingest by GET", method: "GET", pattern: events, target: "/api/v1/halls/xigang/events",
                headers: json, status: 405),
            Probe(
                name: "ingest for a hall not known", method: "POST", pattern: events,
                target: "/api/v1/halls/nowhere/events", headers: json, body: Data(#"{"after":0,"events":[]}"#.utf8),
                status: 403),
            Probe(
                name: "ingest with a reader's token", method: "POST", pattern: events,
                target: "/api/v1/halls/xigang/events",
                headers: ["Authorization": "Bearer \(reader)", "Content-Type": "application/json"],
                body: Data(#"{"after":0,"events":[]}"#.utf8), status: 403),
            Probe(
                name: "ingest with no token", method: "POST", pattern: events, target: "/api/v1/halls/xigang/events",
                headers: ["Content-Type": "application/json"], body: Data(#"{"after":0,"events":[]}"#.utf8),
                status: 401),
            Probe(
                name: "ingest of broken JSON", method: "POST", pattern: events,
                target: "/api/v1/halls/xigang/events", headers: json, body: Data("{".utf8), status: 400),
            Probe(
                name: "a catalogue path that climbs", method: "GET", pattern: "/api/v1/halls/{hallId}/catalogue",
                target: "/api/v1/halls/..%2F..%2Fetc%2Fpasswd/catalogue", status: 404),
            Probe(
                name: "a catalogue when none is served", method: "GET", pattern: "/api/v1/halls/{hallId}/catalogue",
                target: "/api/v1/halls/xigang/catalogue", status: 404),
            Probe(
                name: "a catalogue by DELETE", method: "DELETE", pattern: "/api/v1/halls/{hallId}/catalogue",
                target: "/api/v1/halls/xigang/catalogue", status: 405),
            Probe(name: "healthz by POST", method: "POST", pattern: "/healthz", target: "/healthz", status: 405),
            Probe(
                name: "the document again", method: "GET", pattern: "/api/v1/openapi.json",
                target: "/api/v1/openapi.json", headers: ["If-None-Match": etags["/api/v1/openapi.json"] ?? ""],
                status: 304),
            Probe(
                name: "the document by PUT", method: "PUT", pattern: "/api/v1/openapi.json",
                target: "/api/v1/openapi.json", status: 405),
            Probe(
                name: "the disclosure again", method: "GET", pattern: "/api/v1/city/disclosure",
                target: "/api/v1/city/disclosure", headers: ["If-None-Match": etags["/api/v1/city/disclosure"] ?? ""],
                status: 304),
            Probe(
                name: "the disclosure page again", method: "GET", pattern: "/disclosure", target: "/disclosure",
                headers: ["If-None-Match": etags["/disclosure"] ?? ""], status: 304),
            Probe(
                name: "the disclosure page by POST", method: "POST", pattern: "/disclosure", target: "/disclosure",
                status: 405),
            Probe(name: "/city by POST", method: "POST", pattern: "/city", target: "/city", status: 405),
            Probe(
                name: "/city with a 10-year range", method: "GET", pattern: "/city",
                target: "/city?from=2016-01-01&to=2026-01-01", headers: signedIn, status: 400),
            Probe(
                name: "/city with an injection-shaped day", method: "GET", pattern: "/city",
                target: "/city?from=%3Cscript%3E&to=2026-11-02", headers: signedIn, status: 400),
            Probe(
                name: "a sign-in with a hall's token", method: "POST", pattern: "/city/sign-in",
                target: "/city/sign-in", headers: form, body: Data("token=\(hall)".utf8), status: 403),
            Probe(
                name: "a sign-in with a wrong token", method: "POST", pattern: "/city/sign-in",
                target: "/city/sign-in", headers: form, body: Data("token=wrong".utf8), status: 401),
            Probe(
                name: "a sign-in as JSON", method: "POST", pattern: "/city/sign-in", target: "/city/sign-in",
                headers: ["Content-Type": "application/json"], body: Data(#"{"token":"x"}"#.utf8), status: 415),
            Probe(
                name: "a sign-in from another site", method: "POST", pattern: "/city/sign-in",
                target: "/city/sign-in", headers: form.merging(["Origin": "https://evil.example"]) { $1 },
                body: Data("token=\(reader)".utf8), status: 403),
            Probe(
                name: "a sign-in by GET", method: "GET", pattern: "/city/sign-in", target: "/city/sign-in",
                status: 405),
            Probe(
                name: "a sign-out from another site", method: "POST", pattern: "/city/sign-out",
                target: "/city/sign-out", headers: signedIn.merging(["Origin": "https://evil.example"]) { $1 },
                status: 403),
            Probe(
                name: "a sign-out by GET", method: "GET", pattern: "/city/sign-out", target: "/city/sign-out",
                status: 405),
        ]
    }

    @Test("each hostile request gets its clear 4xx (or 304), and every status answered is documented for its operation")
    func hostileRequests() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let hall = try city.addHall("xigang")
        try city.addHall("zhongshan")
        let session = try #require(try CityPageTests.signIn(city, city.reader).1)
        var etags: [String: String] = [:]
        for path in ["/api/v1/openapi.json", "/api/v1/city/disclosure", "/disclosure"] {
            etags[path] = try city.client.get(path).headers["etag"]
        }
        let document = try city.client.get("/api/v1/openapi.json").json
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        for probe in Self.probes(reader: city.reader, hall: hall, session: session, etags: etags) {
            let response = try city.client.send(probe.method, probe.target, headers: probe.headers, body: probe.body)
            #expect(response.status == probe.status, "\(probe.name): \(response.status) \(response.text.prefix(300))")
            let isPage = probe.pattern == "/city" || probe.pattern.hasPrefix("/city/") || probe.pattern == "/disclosure"
            if response.status >= 400 {
                let clear =
                    isPage
                    ? response.headers["content-type"]?.hasPrefix("text/html") == true
                    : response.errorCode != nil && response.errorMessage?.isEmpty == false
                #expect(clear, "\(probe.name): \(response.status) \(response.text.prefix(300))")
            }
            let operations = paths[probe.pattern] ?? [:]
            // A 405 belongs to the path: each of its operations says so.
            let documenting = probe.status == 405 ? Array(operations.keys) : [probe.method.lowercased()]
            for method in documenting {
                let responses = (operations[method] as? [String: Any])?["responses"] as? [String: Any] ?? [:]
                #expect(
                    responses["\(response.status)"] != nil,
                    "\(probe.name): \(method.uppercased()) \(probe.pattern) answers \(response.status), undocumented")
            }
        }
        let store = city.application.store
        #expect(try CityDatabase.wait { try await store.eventCounts(hallId: "xigang") }.rows == 0)
    }

    @Test("an injection-shaped service is an id like any other: a service not found, and the events are still there")
    func injectionShapedService() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let token = try city.addHall("xigang")
        #expect(try city.post("xigang", issuedBatch(after: 0, first: 1, count: 3), token: token).status == 200)
        let report = try city.metrics(
            "from=2026-11-02&to=2026-11-02&service=%27%3B%20DROP%20TABLE%20city_event%3B%20--")
        #expect(report.status == 404 && report.errorCode == "service_not_found", "\(report.text)")
        let all = try city.metrics("from=2026-11-02&to=2026-11-02")
        #expect((all.json["city"] as? [String: Any])?["ticketsIssued"] as? Int == 3, "\(all.text)")
    }
}
