import Foundation
import OneWindowTesting
import Testing

/// The OpenAPI document as the daemon serves it, walked as plain JSON: the tests check the
/// document itself, so they read it the way any tool would.
struct OpenAPIDocument {
    struct Operation {
        var method: String
        var path: String
        var body: [String: Any]

        var name: String { "\(method.uppercased()) \(path)" }
        var responses: [String: [String: Any]] { body["responses"] as? [String: [String: Any]] ?? [:] }
        var requestBody: [String: Any]? { body["requestBody"] as? [String: Any] }
        var parameters: [[String: Any]] { body["parameters"] as? [[String: Any]] ?? [] }
        /// The roles the operation's `security` names; nil for a public operation (`security: []`).
        /// An optional token is `[{}, {"deviceToken": [roles]}]`: its roles are those.
        var roles: Set<String>? {
            guard let requirements = body["security"] as? [[String: [String]]], !requirements.isEmpty else {
                return nil
            }
            return Set(requirements.flatMap { $0["deviceToken"] ?? [] })
        }
    }

    let root: [String: Any]

    init(_ app: TestApplication) throws {
        let response = try app.client.get("/api/v1/openapi.json")
        #expect(response.status == 200)
        root = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
    }

    var operations: [Operation] {
        let paths = root["paths"] as? [String: [String: Any]] ?? [:]
        return paths.flatMap { path, methods in
            methods.compactMap { method, body in
                (body as? [String: Any]).map { Operation(method: method, path: path, body: $0) }
            }
        }.sorted { $0.name < $1.name }
    }

    /// The object a `$ref` (`#/components/...`) points at, or nil when it points at nothing.
    func resolve(_ reference: String) -> [String: Any]? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: Any = root
        for part in reference.dropFirst(2).split(separator: "/") {
            let key = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = (node as? [String: Any])?[key] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    /// `object` itself, or what it points at when it is a `{"$ref": …}`.
    func dereferenced(_ object: [String: Any]) -> [String: Any] {
        guard let reference = object["$ref"] as? String else { return object }
        return resolve(reference).map(dereferenced) ?? [:]
    }

    /// Every `$ref` anywhere in the document.
    var references: [String] {
        var found: [String] = []
        func walk(_ node: Any) {
            if let object = node as? [String: Any] {
                if let reference = object["$ref"] as? String { found.append(reference) }
                object.values.forEach(walk)
            } else if let array = node as? [Any] {
                array.forEach(walk)
            }
        }
        walk(root)
        return found
    }

    /// The header names a response documents, lowercased.
    func headers(of response: [String: Any]) -> Set<String> {
        Set((dereferenced(response)["headers"] as? [String: Any] ?? [:]).keys.map { $0.lowercased() })
    }
}
