import Foundation

extension HostileCases {
    static func raw(_ text: String) -> Data { Data(text.utf8) }

    /// Broken framing, floods, versions: mostly libmicrohttpd's to refuse.
    static func framing() -> [HostileCase] {
        let flood = (0..<600).map { "X-Flood-\($0): \(String(repeating: "f", count: 60))\r\n" }.joined()
        return [
            HostileCase(
                name: "two conflicting Content-Length headers (smuggling)",
                bytes: raw(
                    "POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 43\r\n"
                        + "Content-Type: application/json\r\n\r\n{\"a\":GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"),
                outcome: .closes("bad_framing")),
            HostileCase(
                name: "Content-Length with Transfer-Encoding: chunked",
                bytes: raw(
                    "POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"),
                outcome: .closes("bad_framing")),
            HostileCase(
                name: "whitespace before the colon of Content-Length (smuggling)",
                bytes: raw(
                    "POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Length : 39\r\n"
                        + "Content-Type: application/json\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"),
                outcome: .closes("bad_framing")),
            HostileCase(
                name: "a tab before the colon of Transfer-Encoding (smuggling)",
                bytes: raw(
                    "POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nTransfer-Encoding\t: chunked\r\n\r\n"
                        + "0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"),
                outcome: .closes("bad_framing")),
            HostileCase(
                name: "Transfer-Encoding: chunked, identity (chunked not last)",
                bytes: raw(
                    "POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n\r\n"
                        + "0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"),
                outcome: .closes("bad_framing")),
            HostileCase(
                name: "two Transfer-Encoding headers, chunked first",
                bytes: raw(
                    "POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                        + "Transfer-Encoding: identity\r\n\r\n0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"),
                outcome: .closes("bad_framing")),
            HostileCase(
                name: "Transfer-Encoding: chunked twice",
                bytes: raw(
                    "POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"),
                outcome: .closes("bad_framing")),
            HostileCase(
                name: "Transfer-Encoding: gzip, chunked (a coding the server does not decode)",
                bytes: raw(
                    "POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                        + "0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"),
                outcome: .closes("bad_framing")),
            HostileCase(
                name: "a header name with a character a token cannot have",
                bytes: raw(
                    "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A(b): 1\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"),
                outcome: .closes("bad_framing")),
            HostileCase(
                name: "a header flood of 36 KB", bytes: raw("GET /healthz HTTP/1.1\r\nHost: x\r\n\(flood)\r\n"),
                outcome: .refusedByServer([431, 400])),
            HostileCase(
                name: "one 20 KB header",
                bytes: raw(
                    "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "b", count: 20_000))\r\n\r\n"),
                outcome: .refusedByServer([431, 400])),
            HostileCase(
                name: "a negative Content-Length",
                bytes: raw("POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"),
                outcome: .refusedByServer([400, 413])),
            HostileCase(
                name: "a Content-Length that is not a number",
                bytes: raw("POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"),
                outcome: .refusedByServer([400])),
            HostileCase(
                name: "a broken chunk size",
                bytes: raw("POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
                outcome: .refusedByServer([400])),
            HostileCase(
                name: "HTTP/1.1 without Host", bytes: raw("GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n"),
                outcome: .refusedByServer([400])),
            HostileCase(
                name: "HTTP/2.0 on the request line", bytes: raw("GET /healthz HTTP/2.0\r\nHost: x\r\n\r\n"),
                outcome: .refusedByServer([505, 400])),
            HostileCase(name: "garbage", bytes: raw("\u{1}\u{2}GARBAGE\r\n\r\n"), outcome: .refusedByServer([400])),
            HostileCase(
                name: "a 100 KB request line",
                bytes: raw("GET /\(String(repeating: "a", count: 100_000)) HTTP/1.1\r\nHost: x\r\n\r\n"),
                outcome: .refusedByServer([414, 431, 400])),
        ]
    }

    /// Paths and queries: traversal, NUL, broken escapes, SQL, overlong ids.
    static func paths(clerk: String, ticketId: String) -> [HostileCase] {
        func get(_ target: String) -> Data { request("GET", target) }
        let clerkHeaders = ["Authorization": "Bearer \(clerk)", "Content-Type": "application/json"]
        var cases: [HostileCase] = [
            HostileCase(
                name: "plain traversal", bytes: get("/../../etc/passwd"), outcome: .error(404, "route_not_found")),
            HostileCase(
                name: "encoded traversal", bytes: get("/%2e%2e/%2e%2e/etc/passwd"),
                outcome: .error(404, "route_not_found")),
            HostileCase(
                name: "encoded slashes in a guide id", bytes: get("/api/v1/services/..%2f..%2fetc%2fpasswd"),
                outcome: .error(404, "route_not_found")),
            HostileCase(
                name: "%00 in a guide path", bytes: get("/guides/MZ-HY-001%00.php"),
                outcome: .page(400, "invalid_path")),
            HostileCase(
                name: "%00 in an API path", bytes: get("/api/v1/services/%00"), outcome: .error(400, "invalid_path")),
            HostileCase(
                name: "%00 in a query", bytes: get("/api/v1/services?q=%00"), outcome: .error(400, "invalid_parameter")),
            HostileCase(
                name: "a lone % in a query", bytes: get("/api/v1/services?q=%"),
                outcome: .error(400, "invalid_parameter")),
            HostileCase(
                name: "%zz in a query", bytes: get("/api/v1/services?q=%zz"), outcome: .error(400, "invalid_parameter")),
            HostileCase(
                name: "an escape that is not UTF-8", bytes: get("/api/v1/services?q=%E4%BD"),
                outcome: .error(400, "invalid_parameter")),
            HostileCase(
                name: "raw bytes that are not UTF-8",
                bytes: Data("GET /guides/".utf8) + Data([0xFF, 0xFE])
                    + Data(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8),
                outcome: .error(400, "invalid_path")),
            HostileCase(
                name: "raw bytes that are not UTF-8 in an API path",
                bytes: Data("GET /api/v1/services/".utf8) + Data([0xFF, 0xFE])
                    + Data(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8),
                outcome: .error(400, "invalid_path")),
            HostileCase(
                name: "a raw NUL in the target",
                bytes: Data("GET /healthz".utf8) + Data([0])
                    + Data("/../manage HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8),
                outcome: .error(400, "invalid_path")),
            HostileCase(
                name: "a raw NUL in an API path",
                bytes: Data("GET /api/v1/services/MZ-HY-001".utf8) + Data([0])
                    + Data(".php HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8),
                outcome: .error(400, "invalid_path")),
            HostileCase(
                name: "a control character, escaped", bytes: get("/api/v1/services/%01"),
                outcome: .error(400, "invalid_path")),
            HostileCase(
                name: "an absolute-form target", bytes: get("http://evil.example/healthz"),
                outcome: .refusedByServer([400])),
            HostileCase(
                name: "an overlong service id", bytes: get("/api/v1/services/\(String(repeating: "X", count: 8_000))"),
                outcome: .error(404, "service_not_found")),
            HostileCase(
                name: "SQL as a ticket id", bytes: get("/api/v1/tickets/'%20OR%20'1'='1"),
                outcome: .error(404, "ticket_not_found")),
            HostileCase(
                name: "SQL in a search",
                bytes: get("/api/v1/services?q='%20UNION%20SELECT%20*%20FROM%20device_token%20--"),
                outcome: .status(200)),
            HostileCase(
                name: "markup in a category", bytes: get("/api/v1/services?category=%3Cscript%3Ealert(1)%3C/script%3E"),
                outcome: .status(200)),
            HostileCase(
                name: "a 101-character search", bytes: get("/api/v1/services?q=\(String(repeating: "q", count: 101))"),
                outcome: .error(400, "invalid_parameter")),
            // More parameters than the connection's 16 KiB can hold: libmicrohttpd logs a 431 it
            // cannot send and leaves the connection, which the request deadline then cuts.
            // More parameters than the connection's 16 KiB can hold: libmicrohttpd logs a 431 it
            // cannot send and leaves the connection, which the request deadline then cuts.
            HostileCase(
                name: "a thousand unknown parameters",
                bytes: get("/api/v1/services?" + (0..<1000).map { "p\($0)=1" }.joined(separator: "&")),
                outcome: .refusedByServer([431])),
            HostileCase(
                name: "a hundred unknown parameters",
                bytes: get("/api/v1/services?" + (0..<100).map { "p\($0)=1" }.joined(separator: "&")),
                outcome: .error(400, "unknown_parameter")),
            HostileCase(
                name: "an unknown method", bytes: request("BREW", "/healthz"),
                outcome: .error(405, "method_not_allowed")),
            HostileCase(
                // The clerk belongs to window 1: any other window, real or not, is not its own.
                name: "SQL as a window",
                bytes: request("POST", "/api/v1/windows/1'%3B--/call-next", headers: clerkHeaders),
                outcome: .error(403, "wrong_window")),
            HostileCase(
                name: "an outcome that does not exist",
                bytes: request(
                    "POST", "/api/v1/tickets/\(ticketId)/complete", headers: clerkHeaders,
                    body: json(#"{"window":"1","outcome":"hacked"}"#)),
                outcome: .error(400, "malformed_body")),
            HostileCase(
                name: "completing a ticket that was never called",
                bytes: request(
                    "POST", "/api/v1/tickets/\(ticketId)/complete", headers: clerkHeaders,
                    body: json(#"{"window":"1","outcome":"completed"}"#)),
                outcome: .error(409, "ticket_waiting")),
            HostileCase(
                name: "note: null (no field takes null, optional or not)",
                bytes: request(
                    "POST", "/api/v1/tickets/\(ticketId)/complete", headers: clerkHeaders,
                    body: json(#"{"window":"1","outcome":"completed","note":null}"#)),
                outcome: .error(400, "malformed_body")),
            HostileCase(
                name: "missingMaterials: [null]",
                bytes: request(
                    "POST", "/api/v1/tickets/\(ticketId)/complete", headers: clerkHeaders,
                    body: json(#"{"window":"1","outcome":"needs_more","missingMaterials":[null]}"#)),
                outcome: .error(400, "malformed_body")),
            HostileCase(
                name: "a string \"null\" with an escaped quote is a string, not a null",
                bytes: request(
                    "POST", "/api/v1/tickets/\(ticketId)/complete", headers: clerkHeaders,
                    body: json(#"{"window":"1","outcome":"completed","note":"say \"null\": null"}"#)),
                outcome: .error(409, "ticket_waiting")),
            HostileCase(
                name: "a transfer to a service that does not exist",
                bytes: request(
                    "POST", "/api/v1/tickets/\(ticketId)/transfer", headers: clerkHeaders,
                    body: json(#"{"window":"1","serviceId":"../../x"}"#)),
                outcome: .error(409, "ticket_waiting")),
        ]
        cases.append(
            HostileCase(
                name: "a JSON body on a GET", bytes: request("GET", "/api/v1/services", body: json("{}")),
                outcome: .error(400, "body_not_allowed")))
        return cases
    }
}
