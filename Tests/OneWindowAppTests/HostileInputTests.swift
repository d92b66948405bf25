import Foundation
import GRDB
import OneWindowTesting
import Testing

/// More than fifty kinds of hostile input against the running daemon: each gets the right 4xx
/// (or libmicrohttpd's own refusal, or a closed connection), the daemon keeps serving, and the
/// database is unchanged.
@Suite("Hostile input", .timeLimit(.minutes(2)))
struct HostileInputTests {
    /// What the database holds, in numbers that any write would change.
    func fingerprint(_ path: String) throws -> [Int] {
        try DatabaseQueue(path: path, configuration: .waitingForLocks).read { db in
            try ["ticket", "queue_event", "idempotency_key", "device_token", "window_state"].map { table in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1
            } + [Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM queue_event") ?? -1]
        }
    }

    @Test("every hostile request gets its refusal, others are still served, and nothing is written")
    func hostileRequests() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue) { $0.http.requestTimeoutSeconds = 2 }
        defer { app.stop() }
        var client = app.client
        client.timeoutSeconds = 15
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        let clerk = try app.createToken(role: .clerk, name: "window-1")
        let ticketId = try #require(try app.issue(token: kiosk, service: "T-JZ-001").json["id"] as? String)
        let cases = HostileCases.all(kiosk: kiosk, clerk: clerk, ticketId: ticketId)
        #expect(cases.count >= 50)
        let before = try fingerprint(app.application.configuration.databasePath)
        for test in cases {
            let exchange = try client.exchange(test.bytes)
            let response = exchange.response
            switch test.outcome {
            case .error(let status, let code):
                #expect(
                    response?.status == status,
                    "\(test.name): \(String(decoding: exchange.raw.prefix(300), as: UTF8.self))")
                #expect(response?.errorCode == code, "\(test.name): \(response?.text ?? "no answer")")
                #expect(response?.headers["content-type"] == "application/json; charset=utf-8", "\(test.name)")
            case .page(let status, let code):
                #expect(response?.status == status, "\(test.name): \(response?.status ?? 0)")
                #expect(response?.headers["content-type"] == "text/html; charset=utf-8", "\(test.name)")
                #expect(response?.text.contains("<!-- \(code) -->") == true, "\(test.name): \(response?.text ?? "")")
            case .status(let status):
                #expect(response?.status == status, "\(test.name): \(response?.text ?? "no answer")")
            case .refusedByServer(let statuses):
                #expect(
                    response.map { statuses.contains($0.status) } ?? true, "\(test.name): got \(response?.status ?? 0)")
            case .closes(let code):
                #expect(
                    response?.status == 400 && response?.errorCode == code, "\(test.name): \(response?.text ?? "none")")
                #expect(response?.headers["connection"] == "close", "\(test.name)")
                #expect(exchange.responseCount == 1, "\(test.name): the server answered what came after the body")
            }
            #expect(exchange.responseCount <= 1, "\(test.name): \(exchange.responseCount) responses")
            let health = try app.client.get("/healthz")
            #expect(health.status == 200, "after \(test.name): \(health.text)")
        }
        #expect(try fingerprint(app.application.configuration.databasePath) == before)
    }
}
