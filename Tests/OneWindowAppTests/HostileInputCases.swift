import Foundation

/// One hostile request and what must come of it.
struct HostileCase: Sendable {
    enum Outcome: Sendable {
        /// This status with this JSON error code.
        case error(Int, String)
        /// This status with the HTML error page for this code (a page's route answers people).
        case page(Int, String)
        /// This status (a success that must change nothing, e.g. an empty search).
        case status(Int)
        /// libmicrohttpd's own answer (one of these statuses, its HTML body cannot be changed),
        /// or a closed connection.
        case refusedByServer([Int])
        /// Answered 400 with this code and the connection closed, nothing read after it.
        case closes(String)
    }

    var name: String
    var bytes: Data
    var outcome: Outcome
}

/// The hostile requests, built with the tokens of the app under test.
enum HostileCases {
    static func all(kiosk: String, clerk: String, ticketId: String) -> [HostileCase] {
        body(kiosk: kiosk) + auth(kiosk: kiosk, clerk: clerk) + framing() + paths(clerk: clerk, ticketId: ticketId)
            + ratings(kiosk: kiosk, clerk: clerk, ticketId: ticketId)
    }

    /// A request with `Connection: close`, so the server closes after answering.
    static func request(
        _ method: String, _ target: String, headers: [String: String] = [:], body: Data = Data(),
        length: Bool = true
    ) -> Data {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        if length, !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
        return Data((head + "\r\n").utf8) + body
    }

    static func issue(_ kiosk: String, _ body: Data, headers: [String: String] = [:]) -> Data {
        var all = ["Authorization": "Bearer \(kiosk)", "Content-Type": "application/json"]
        all.merge(headers) { _, new in new }
        return request("POST", "/api/v1/tickets", headers: all, body: body)
    }

    static func json(_ text: String) -> Data { Data(text.utf8) }

    static func body(kiosk: String) -> [HostileCase] {
        let deep = String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
        let cases: [(String, Data, HostileCase.Outcome)] = [
            ("truncated JSON", json("{\"serviceId\":"), .error(400, "malformed_body")),
            ("a JSON array", json("[]"), .error(400, "malformed_body")),
            ("a JSON string", json("\"T-JZ-001\""), .error(400, "malformed_body")),
            ("JSON null", json("null"), .error(400, "malformed_body")),
            ("an empty body", Data(), .error(400, "malformed_body")),
            ("serviceId a number", json(#"{"serviceId":123}"#), .error(400, "malformed_body")),
            ("serviceId null", json(#"{"serviceId":null}"#), .error(400, "malformed_body")),
            ("priority null", json(#"{"serviceId":"T-JZ-001","priority":null}"#), .error(400, "malformed_body")),
            ("caseId null", json(#"{"serviceId":"T-JZ-001","caseId":null}"#), .error(400, "malformed_body")),
            ("serviceId missing", json(#"{"priority":true}"#), .error(400, "malformed_body")),
            ("priority a string", json(#"{"serviceId":"T-JZ-001","priority":"yes"}"#), .error(400, "malformed_body")),
            ("priority 1e999", json(#"{"serviceId":"T-JZ-001","priority":1e999}"#), .error(400, "malformed_body")),
            (
                "a 40-digit number",
                json(#"{"serviceId":"T-JZ-001","priority":1234567890123456789012345678901234567890}"#),
                .error(400, "malformed_body")
            ),
            ("nesting 20,000 deep", json(deep), .error(400, "malformed_body")),
            (
                "invalid UTF-8 in a string", Data(#"{"serviceId":""#.utf8) + Data([0xFF, 0xFE]) + Data(#""}"#.utf8),
                .error(400, "malformed_body")
            ),
            (
                "a raw NUL in a string", Data(#"{"serviceId":"T"#.utf8) + Data([0]) + Data(#""}"#.utf8),
                .error(400, "malformed_body")
            ),
            ("an escaped NUL in serviceId", json(#"{"serviceId":"T-JZ-001\u0000"}"#), .error(404, "service_not_found")),
            (
                "SQL in serviceId", json(#"{"serviceId":"' OR 1=1; DROP TABLE ticket; --"}"#),
                .error(404, "service_not_found")
            ),
            (
                "an overlong serviceId", json(#"{"serviceId":"\#(String(repeating: "X", count: 30_000))"}"#),
                .error(404, "service_not_found")
            ),
            ("a 10 MB body", Data(count: 10_000_000), .refusedByServer([413])),
        ]
        var built = cases.map { HostileCase(name: $0.0, bytes: issue(kiosk, $0.1), outcome: $0.2) }
        built += [
            HostileCase(
                name: "SQL in the Idempotency-Key, unknown service",
                bytes: issue(
                    kiosk, json(#"{"serviceId":"none"}"#), headers: ["Idempotency-Key": "'); DELETE FROM ticket; --"]),
                outcome: .error(404, "service_not_found")),
            HostileCase(
                name: "a 201-character Idempotency-Key",
                bytes: issue(
                    kiosk, json(#"{"serviceId":"T-JZ-001"}"#),
                    headers: ["Idempotency-Key": String(repeating: "k", count: 201)]),
                outcome: .error(400, "invalid_parameter")),
            HostileCase(
                name: "Content-Type text/plain",
                bytes: issue(kiosk, json(#"{"serviceId":"T-JZ-001"}"#), headers: ["Content-Type": "text/plain"]),
                outcome: .error(415, "unsupported_media_type")),
            HostileCase(
                name: "a huge Content-Length and no body",
                bytes: request(
                    "POST", "/api/v1/tickets",
                    headers: ["Content-Length": "999999999999", "Content-Type": "application/json"]),
                outcome: .refusedByServer([413])),
        ]
        return built
    }

    static func auth(kiosk: String, clerk: String) -> [HostileCase] {
        let body = json(#"{"serviceId":"T-JZ-001"}"#)
        func with(_ authorization: String) -> Data {
            request(
                "POST", "/api/v1/tickets",
                headers: ["Authorization": authorization, "Content-Type": "application/json"], body: body)
        }
        return [
            HostileCase(
                name: "no token",
                bytes: request("POST", "/api/v1/tickets", headers: ["Content-Type": "application/json"], body: body),
                outcome: .error(401, "unauthorized")),
            HostileCase(
                name: "a 10,000-character token", bytes: with("Bearer ow_" + String(repeating: "a", count: 10_000)),
                outcome: .error(401, "unauthorized")),
            HostileCase(
                name: "SQL as a token", bytes: with("Bearer ow_' OR '1'='1"), outcome: .error(401, "unauthorized")),
            HostileCase(
                name: "Basic credentials", bytes: with("Basic a2lvc2s6a2lvc2s="), outcome: .error(401, "unauthorized")),
            HostileCase(
                name: "a clerk token taking a ticket", bytes: with("Bearer \(clerk)"), outcome: .error(403, "forbidden")
            ),
            HostileCase(
                name: "a kiosk token calling the next ticket",
                bytes: request("POST", "/api/v1/windows/1/call-next", headers: ["Authorization": "Bearer \(kiosk)"]),
                outcome: .error(403, "forbidden")),
        ]
    }
}
