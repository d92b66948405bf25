import Foundation
import OneWindowTesting
import Testing

/// The limits the document states are the ones the server enforces, at their edges.
@Suite("The OpenAPI document's limits", .timeLimit(.minutes(2)))
struct OpenAPILimitsTests {
    @Test("ticket issuing documents the rate limit, the reused key and the busy answers with Retry-After")
    func issuingAnswers() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let document = try OpenAPIDocument(app)
        let issue = try #require(document.operations.first { $0.body["operationId"] as? String == "issueTicket" })
        #expect(issue.roles == ["kiosk", "admin"])
        let refused = try #require(issue.responses["422"]?["description"] as? String)
        #expect(refused.contains("idempotency_key_reused") && refused.contains("service_not_served"))
        for status in ["429", "503"] {
            let response = try #require(issue.responses[status], "issueTicket has no \(status)")
            #expect(document.headers(of: response).contains("retry-after"), "\(status) without Retry-After")
        }
        #expect(
            (document.dereferenced(issue.responses["503"]!)["description"] as? String)?.contains("commit_timeout")
                == true)
        let key = try #require(issue.parameters.first { $0["name"] as? String == "Idempotency-Key" })
        let schema = try #require(key["schema"] as? [String: Any])
        #expect(schema["minLength"] as? Int == 1 && schema["maxLength"] as? Int == 200)
    }

    @Test("every API write (they wait for a commit) documents 503 with Retry-After")
    func writesDocumentUnavailable() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let document = try OpenAPIDocument(app)
        // The manager's sign-in forms are posts too, but they only read: no commit to wait for.
        for operation in document.operations where operation.method == "post" && operation.path.hasPrefix("/api/") {
            let response = try #require(operation.responses["503"], "\(operation.name) has no 503")
            #expect(document.headers(of: response).contains("retry-after"), "\(operation.name) 503 without Retry-After")
        }
    }

    @Test("q and category are capped at their documented maxLength, counted in characters as JSON Schema counts")
    func searchTextLength() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let document = try OpenAPIDocument(app)
        let list = try #require(document.operations.first { $0.body["operationId"] as? String == "listServices" })
        for name in ["q", "category"] {
            let parameter = try #require(list.parameters.first { $0["name"] as? String == name })
            let maxLength = try #require((parameter["schema"] as? [String: Any])?["maxLength"] as? Int)
            #expect(maxLength == 100)
            // Chinese characters are 3 bytes each in UTF-8; e + a combining accent is 2 code points in 1 grapheme.
            for unit in ["低", "e\u{301}", " "] {
                let fits = String(repeating: unit, count: maxLength / unit.unicodeScalars.count)
                let over = fits + "x"
                for path in ["/api/v1/services", "/"] {
                    #expect(try app.client.get("\(path)?\(name)=\(encoded(fits))").status == 200, "\(path) \(name)")
                    let refused = try app.client.get("\(path)?\(name)=\(encoded(over))")
                    #expect(refused.status == 400, "\(path) \(name)")
                    // The page answers its errors as a page; the API with the JSON error body.
                    if path.hasPrefix("/api/") { #expect(refused.errorCode == "invalid_parameter", "\(name)") }
                }
            }
        }
    }

    @Test("priority may be left out but not sent as null, as the document's boolean says")
    func priorityIsBoolean() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
        func issue(_ body: String) throws -> TestResponse {
            try app.client.send(
                "POST", "/api/v1/tickets",
                headers: ["Authorization": "Bearer \(kiosk)", "Content-Type": "application/json"],
                body: Data(body.utf8))
        }
        #expect(try issue(#"{"serviceId":"T-JZ-001"}"#).json["priority"] as? Bool == false)
        let null = try issue(#"{"serviceId":"T-JZ-001","priority":null}"#)
        #expect(null.status == 400 && null.errorCode == "malformed_body", "\(null.text)")
        #expect(null.text.contains("priority"))
    }

    private func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
