import Foundation
import OneWindowTesting
import Testing

/// `GET /metrics`, read by prometheus-client's own parser (scripts/metrics-venv.sh installs it).
@Suite("Prometheus figures", .timeLimit(.minutes(2)))
struct PrometheusTests {
    struct Sample: Decodable {
        var name: String
        var labels: [String: String]
        /// NaN (a ratio without data) comes as the string "NaN".
        var value: Double

        enum Keys: String, CodingKey { case name, labels, value }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            name = try container.decode(String.self, forKey: .name)
            labels = try container.decode([String: String].self, forKey: .labels)
            value = (try? container.decode(Double.self, forKey: .value)) ?? .nan
        }
    }

    struct Parsed: Decodable {
        struct Family: Decodable {
            var type: String
            var help: String
        }
        var families: [String: Family]
        var samples: [Sample]

        func value(_ name: String, _ labels: [String: String]) -> Double? {
            samples.first { $0.name == name && $0.labels == labels }?.value
        }
    }

    struct ParserFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses `text` with prometheus-client's parser, as Prometheus would read it.
    static func parse(_ text: String) throws -> Parsed {
        let python = Fixtures.repositoryRoot.appendingPathComponent(".build/metrics-venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw ParserFailure(description: "no \(python.path): run scripts/metrics-venv.sh (scripts/test.sh does)")
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [Fixtures.repositoryRoot.appendingPathComponent("scripts/metrics/parse_prometheus.py").path]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ParserFailure(description: "prometheus-client could not parse:\n\(text)")
        }
        return try JSONDecoder().decode(Parsed.self, from: data)
    }

    /// Scrapes until `ready` holds (the queue's figures follow each commit a moment after its
    /// answer, on the commit thread) or 5 seconds have passed, and returns the last scrape.
    static func scrape(_ app: TestApplication, until ready: (Parsed) -> Bool) throws -> Parsed {
        let deadline = Date().addingTimeInterval(5)
        while true {
            let response = try app.client.get("/metrics")
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
            let parsed = try parse(response.text)
            if ready(parsed) || Date() > deadline { return parsed }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    @Test("/metrics parses as Prometheus text and counts tickets, waits, queues and requests by route pattern")
    func series() throws {
        let day = try ManagerDay()
        defer { day.app.stop() }
        let client = day.app.client
        _ = try client.get("/api/v1/services/T-JZ-001")
        _ = try client.get("/api/v1/services/NOPE")
        _ = try client.get("/no/such/place")
        _ = try day.app.post("/api/v1/tickets", token: day.kiosk, json: #"{"serviceId":"T-JZ-002"}"#)
        let parsed = try Self.scrape(day.app) {
            $0.value("onewindow_tickets_issued_total", ["service": "T-JZ-002"]) == 1
                && $0.value("onewindow_http_requests_total", ["route": "unmatched", "method": "GET", "status": "404"])
                    == 1
                // Requests are counted when libmicrohttpd reports them completed, which may come
                // after the client has its answer: wait for the last POST's count too.
                && $0.value(
                    "onewindow_http_request_duration_seconds_count", ["route": "/api/v1/tickets", "method": "POST"])
                    == 4
        }
        #expect(parsed.families["onewindow_tickets_issued"]?.type == "counter")
        #expect(parsed.families["onewindow_wait_seconds"]?.type == "histogram")
        #expect(parsed.families["onewindow_queue_waiting_tickets"]?.type == "gauge")
        #expect(parsed.families["onewindow_http_request_duration_seconds"]?.help.isEmpty == false)
        #expect(parsed.value("onewindow_tickets_issued_total", ["service": "T-JZ-001"]) == 2)
        #expect(parsed.value("onewindow_tickets_issued_total", ["service": "T-JZ-002"]) == 1)
        #expect(parsed.value("onewindow_tickets_called_total", ["service": "T-JZ-001"]) == 2)
        #expect(parsed.value("onewindow_tickets_called_total", ["service": "T-HY-001"]) == 1, "recalls are not calls")
        #expect(
            parsed.value("onewindow_tickets_completed_total", ["service": "T-JZ-001", "outcome": "needs_more"]) == 1)
        #expect(
            parsed.value("onewindow_tickets_completed_total", ["service": "T-JZ-001", "outcome": "completed"]) == 1)
        #expect(parsed.value("onewindow_tickets_no_show_total", ["service": "T-HY-001"]) == 1)
        #expect(parsed.value("onewindow_queue_waiting_tickets", ["queue": "C"]) == 1)
        #expect(parsed.value("onewindow_queue_waiting_tickets", ["queue": "A"]) == 0)
        #expect(parsed.value("onewindow_wait_seconds_count", ["service": "T-JZ-001"]) == 2)
        #expect(parsed.value("onewindow_wait_seconds_sum", ["service": "T-JZ-001"]) == 840)
        #expect(parsed.value("onewindow_wait_seconds_bucket", ["service": "T-JZ-001", "le": "300.0"]) == 1)
        #expect(parsed.value("onewindow_service_seconds_sum", ["service": "T-JZ-001"]) == 600)
        #expect(parsed.value("onewindow_wait_seconds_sum", ["service": "T-HY-001"]) == 780, "a no-show's wait counts")
        #expect(parsed.families["onewindow_cohort_cases"]?.type == "gauge")
        #expect(parsed.value("onewindow_first_visits_cases", ["service": "T-JZ-001"]) == 2)
        #expect(parsed.value("onewindow_first_visits_resolved_cases", ["service": "T-JZ-001"]) == 1)
        #expect(parsed.value("onewindow_cohort_cases", ["service": "T-JZ-001", "state": "open"]) == 1)
        #expect(parsed.value("onewindow_cohort_cases", ["service": "T-JZ-001", "state": "closed_at_first_visit"]) == 1)
        #expect(parsed.value("onewindow_one_visit_ratio", [:]) == 0.5)
        #expect(parsed.value("onewindow_first_visit_resolution_ratio", [:]) == 0.5)
        let requests = "onewindow_http_requests_total"
        #expect(parsed.value(requests, ["route": "/api/v1/tickets", "method": "POST", "status": "201"]) == 4)
        #expect(parsed.value(requests, ["route": "/api/v1/services/{id}", "method": "GET", "status": "200"]) == 1)
        #expect(parsed.value(requests, ["route": "/api/v1/services/{id}", "method": "GET", "status": "404"]) == 1)
        #expect(parsed.value(requests, ["route": "unmatched", "method": "GET", "status": "404"]) == 1)
        let routes = Set(parsed.samples.compactMap { $0.labels["route"] })
        #expect(routes.allSatisfy { $0 == "unmatched" || !$0.contains("NOPE") && !$0.contains("/no/") }, "\(routes)")
        let latency = parsed.value(
            "onewindow_http_request_duration_seconds_count", ["route": "/api/v1/tickets", "method": "POST"])
        #expect(latency == 4)
    }

    @Test("each Application keeps its own figures: two in one process do not share a registry")
    func ownRegistry() throws {
        let day = try ManagerDay()
        defer { day.app.stop() }
        let other = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { other.stop() }
        let parsed = try Self.parse(try other.client.get("/metrics").text)
        #expect(parsed.value("onewindow_tickets_issued_total", ["service": "T-JZ-001"]) == nil)
        #expect(parsed.value("onewindow_queue_waiting_tickets", ["queue": "C"]) == 0)
    }

    @Test("after a restart the waiting gauge counts the tickets still waiting")
    func waitingAfterRestart() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.path("hall.sqlite")
        let first = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.databasePath = database }
        let kiosk = try first.createToken(role: .kiosk, name: "kiosk")
        for _ in 0..<3 { _ = try first.issue(token: kiosk, service: "T-HY-001") }
        first.application.stop()
        let second = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.databasePath = database }
        defer { second.stop() }
        let parsed = try Self.scrape(second) { $0.value("onewindow_queue_waiting_tickets", ["queue": "A"]) == 3 }
        #expect(parsed.value("onewindow_queue_waiting_tickets", ["queue": "A"]) == 3)
    }
}
