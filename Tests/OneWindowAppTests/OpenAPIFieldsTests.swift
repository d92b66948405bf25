import Foundation
import OneWindowTesting
import Testing

/// The document names every field the server sends: schemathesis checks that answers fit
/// their schemas, but a schema that leaves a field out still fits; this finds such fields.
@Suite("The OpenAPI document's fields", .timeLimit(.minutes(2)))
struct OpenAPIFieldsTests {
    @Test("every field of every JSON answer, through the call flow, is a property in its schema")
    func everyFieldIsDocumented() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let document = try OpenAPIDocument(app)
        let kiosk = try app.createToken(role: .kiosk, name: "kiosk")
        let clerk = try app.createToken(role: .clerk, name: "clerk")
        let admin = try app.createToken(role: .admin, name: "admin")
        func post(_ path: String, _ token: String, _ body: String? = nil) throws -> TestResponse {
            var headers = ["Authorization": "Bearer \(token)"]
            if body != nil { headers["Content-Type"] = "application/json" }
            return try app.client.send("POST", path, headers: headers, body: Data((body ?? "").utf8))
        }
        let issued = try post("/api/v1/tickets", kiosk, #"{"serviceId":"T-JZ-001","priority":true}"#)
        let id = try #require(issued.json["id"] as? String)
        let caseId = try #require(issued.json["caseId"] as? String)
        let code = try #require(issued.json["evaluationCode"] as? String)
        let day = try #require(try app.client.get("/api/v1/queue").json["day"] as? String)
        var answers: [(String, String, TestResponse)] = [
            ("post", "/api/v1/tickets", issued),
            ("post", "/api/v1/windows/{window}/call-next", try post("/api/v1/windows/1/call-next", clerk)),
            ("get", "/api/v1/windows", try app.client.get("/api/v1/windows")),
            ("get", "/api/v1/queue", try app.client.get("/api/v1/queue")),
            ("get", "/api/v1/tickets/{id}", try app.client.get("/api/v1/tickets/\(id)")),
            (
                "post", "/api/v1/tickets/{id}/complete",
                try post("/api/v1/tickets/\(id)/complete", clerk, #"{"window":"1","outcome":"completed"}"#)
            ),
            ("post", "/api/v1/windows/{window}/pause", try post("/api/v1/windows/1/pause", clerk)),
            ("get", "/api/v1/services", try app.client.get("/api/v1/services")),
            ("get", "/api/v1/services/{id}", try app.client.get("/api/v1/services/T-JZ-001")),
            ("get", "/api/v1/categories", try app.client.get("/api/v1/categories")),
            ("get", "/api/v1/hall", try app.client.get("/api/v1/hall")),
            ("get", "/healthz", try app.client.get("/healthz")),
            ("get", "/api/v1/services/{id}", try app.client.get("/api/v1/services/NOPE")),
            (
                "get", "/api/v1/cases/{id}",
                try app.client.get("/api/v1/cases/\(caseId)", headers: ["Authorization": "Bearer \(clerk)"])
            ),
            (
                "get", "/api/v1/tickets/{id}",
                try app.client.get("/api/v1/tickets/\(id)", headers: ["Authorization": "Bearer \(clerk)"])
            ),
            (
                "post", "/api/v1/tickets/{id}/evaluation",
                try post(
                    "/api/v1/tickets/\(id)/evaluation", kiosk,
                    #"{"rating":1,"reasons":["efficiency"],"comment":"太慢","code":"\#(code)"}"#)
            ),
            (
                "get", "/api/v1/evaluations",
                try app.client.get("/api/v1/evaluations", headers: ["Authorization": "Bearer \(admin)"])
            ),
            (
                "get", "/api/v1/metrics",
                try app.client.get(
                    "/api/v1/metrics?from=\(day)&to=\(day)", headers: ["Authorization": "Bearer \(clerk)"])
            ),
        ]
        let evaluation = try #require(
            (answers.first { $0.1 == "/api/v1/tickets/{id}/evaluation" }?.2.json["evaluation"] as? [String: Any])?["id"]
                as? String)
        answers.append(
            (
                "post", "/api/v1/evaluations/{id}/rectify",
                try post("/api/v1/evaluations/\(evaluation)/rectify", admin, #"{"note":"已约谈窗口人员"}"#)
            ))
        for (method, path, answer) in answers {
            let name = "\(method.uppercased()) \(path) \(answer.status)"
            let operation = try #require(
                document.operations.first { $0.method == method && $0.path == path }, "\(name)")
            let response = document.dereferenced(try #require(operation.responses["\(answer.status)"], "\(name)"))
            let schema = (response["content"] as? [String: [String: Any]])?["application/json"]?["schema"]
            let value = try JSONSerialization.jsonObject(with: answer.body)
            for field in undocumented(value, schema as? [String: Any] ?? [:], document, at: "") {
                Issue.record("\(name): \(field) is not in the document")
            }
        }
    }

    /// The paths of the fields in `value` that `schema` does not name.
    private func undocumented(_ value: Any, _ schema: [String: Any], _ document: OpenAPIDocument, at path: String)
        -> [String]
    {
        let schema = document.dereferenced(schema)
        if let object = value as? [String: Any] {
            var properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            // allOf and friends: a property of any member is documented.
            for key in ["allOf", "anyOf", "oneOf"] {
                for member in schema[key] as? [[String: Any]] ?? [] {
                    let member = document.dereferenced(member)
                    properties.merge(member["properties"] as? [String: [String: Any]] ?? [:]) { first, _ in first }
                }
            }
            let others = schema["additionalProperties"] as? [String: Any]
            return object.keys.sorted().flatMap { key in
                (properties[key] ?? others).map { undocumented(object[key]!, $0, document, at: "\(path).\(key)") }
                    ?? ["\(path).\(key)"]
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            return array.enumerated().flatMap { index, item in
                undocumented(item, items, document, at: "\(path)[\(index)]")
            }
        }
        return []
    }
}
