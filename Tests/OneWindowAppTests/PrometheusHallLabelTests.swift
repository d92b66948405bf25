import Foundation
import OneWindowApp
import OneWindowCore
import OneWindowTesting
import Testing

/// `--hall-id` puts a `hall` label on every figure of `/metrics`, so that the city's
/// Prometheus can federate its halls (deploy/prometheus).
@Suite("The hall label on Prometheus figures", .timeLimit(.minutes(1)))
struct PrometheusHallLabelTests {
    func samples(hall: String?) throws -> [Substring] {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.hallId = hall }
        defer { app.stop() }
        let token = try app.createToken(role: .kiosk, name: "kiosk-1")
        #expect(try app.issue(token: token, service: "T-JZ-001").status == 201)
        let text = try app.client.get("/metrics").text
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }

    @Test("with a hall id every sample carries hall=\"<id>\", histograms' buckets included")
    func labelled() throws {
        let samples = try samples(hall: "dalian-ganjingzi")
        #expect(samples.contains { $0.hasPrefix("onewindow_tickets_issued_total{") || $0.contains("_bucket{") })
        let unlabelled = samples.filter { !$0.contains(#"hall="dalian-ganjingzi""#) }
        #expect(unlabelled.isEmpty, "\(unlabelled.prefix(5))")
    }

    @Test("without a hall id no sample has a hall label")
    func unlabelled() throws {
        let samples = try samples(hall: nil)
        #expect(!samples.isEmpty)
        #expect(!samples.contains { $0.contains("hall=") })
    }
}
