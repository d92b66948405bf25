import Foundation
import OneWindowTesting
import Testing

extension CityFailureTests {
    /// One hall's tokens and how to reach it.
    struct Hall {
        var id: String
        var client: TestHTTPClient
        var kiosk: String
        var clerk: String
        var admin: String

        func send(_ path: String, _ token: String, _ json: String = "") throws -> TestResponse {
            try client.send(
                "POST", path, headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: Data(json.utf8))
        }

        /// `count` tickets issued, called and ended (completed, needs more, no-show in turn).
        func play(_ count: Int) throws {
            let services = ["T-JZ-001", "T-HY-001", "T-JZ-002"]
            for index in 0..<count {
                let issued = try send("/api/v1/tickets", kiosk, #"{"serviceId":"\#(services[index % 3])"}"#)
                #expect(issued.status == 201, "\(id): \(issued.text)")
                let called = try send("/api/v1/windows/1/call-next", clerk)
                #expect(called.status == 200, "\(id): \(called.status) \(called.text)")
                guard let ticket = called.json["ticket"] as? [String: Any], let ticketId = ticket["id"] as? String
                else { continue }
                let ended: TestResponse
                switch index % 4 {
                case 3:
                    for _ in 0..<2 { _ = try send("/api/v1/windows/1/recall", clerk) }
                    ended = try send("/api/v1/tickets/\(ticketId)/no-show", clerk, #"{"window":"1"}"#)
                case 2:
                    ended = try send(
                        "/api/v1/tickets/\(ticketId)/complete", clerk,
                        #"{"window":"1","outcome":"needs_more","missingMaterials":["m1"]}"#)
                default:
                    ended = try send(
                        "/api/v1/tickets/\(ticketId)/complete", clerk, #"{"window":"1","outcome":"completed"}"#)
                }
                #expect(ended.status == 200, "\(id): \(ended.status) \(ended.text)")
            }
        }

        /// How far behind the city is, from `/healthz`.
        func eventsBehind() throws -> Int? {
            let health = try client.get("/healthz").json
            return (health["city"] as? [String: Any])?["eventsBehind"] as? Int
        }
    }
}
