import Foundation
import OneWindowApp
import OneWindowCore
import OneWindowHTTP
import OneWindowTesting
import Testing

/// Keeps the OpenAPI document true to the route table, both ways.
@Suite("The OpenAPI document", .timeLimit(.minutes(2)))
struct OpenAPITests {
    @Test("every route is documented with its method, and the document names nothing else")
    func matchesRouteTable() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let response = try app.client.get("/api/v1/openapi.json")
        #expect(response.status == 200)
        #expect(response.json["openapi"] as? String == "3.1.0")
        let paths = try #require(response.json["paths"] as? [String: [String: Any]])
        var documented: Set<String> = []
        for (path, operations) in paths {
            for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
        }
        let routed = Set(app.application.router.routes.map { "\($0.method) \($0.pattern)" })
        #expect(
            routed.subtracting(documented).isEmpty,
            "routes missing from the document: \(routed.subtracting(documented))")
        #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed))")
    }

    @Test("every query parameter a route accepts is documented on it")
    func queryParameters() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let document = try app.client.get("/api/v1/openapi.json").json
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        for route in app.application.router.routes {
            let operation = paths[route.pattern]?[route.method.lowercased()]
            let parameters = (operation?["parameters"] as? [[String: Any]] ?? [])
                .filter { $0["in"] as? String == "query" }.compactMap { $0["name"] as? String }
            #expect(Set(parameters) == route.queryParameters, "\(route.method) \(route.pattern)")
        }
    }

    @Test("every $ref in the document points at something in it")
    func referencesResolve() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let document = try OpenAPIDocument(app)
        #expect(!document.references.isEmpty)
        for reference in Set(document.references) {
            #expect(document.resolve(reference) != nil, "\(reference) points at nothing")
        }
    }

    @Test("every response with a body has a schema, and every JSON error uses the shared Error schema")
    func responsesHaveSchemas() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let document = try OpenAPIDocument(app)
        for operation in document.operations {
            #expect(!operation.responses.isEmpty, "\(operation.name) documents no response")
            for (status, reference) in operation.responses {
                let response = document.dereferenced(reference)
                #expect(response["description"] is String, "\(operation.name) \(status) has no description")
                // 204, 304 and redirects have no body.
                guard status != "204", !status.hasPrefix("3") else {
                    #expect(response["content"] == nil, "\(operation.name) \(status) has no body")
                    continue
                }
                let content = response["content"] as? [String: [String: Any]] ?? [:]
                #expect(!content.isEmpty, "\(operation.name) \(status) documents no body")
                for (mediaType, media) in content {
                    let schema = media["schema"] as? [String: Any]
                    #expect(schema != nil, "\(operation.name) \(status) \(mediaType) has no schema")
                    // /healthz answers its 503 with the health report itself; every other error is an Error.
                    if Int(status)! >= 400, mediaType == "application/json", operation.path != "/healthz" {
                        #expect(
                            schema?["$ref"] as? String == "#/components/schemas/Error",
                            "\(operation.name) \(status) does not use the Error schema")
                    }
                }
            }
        }
    }

    @Test("every operation declares its security and says in its description which roles it accepts")
    func securityIsDeclared() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let document = try OpenAPIDocument(app)
        let known = Set(DeviceRole.allCases.map(\.rawValue))
        for operation in document.operations {
            let description = operation.body["description"] as? String ?? ""
            #expect(operation.body["security"] is [Any], "\(operation.name) does not declare security")
            #expect(operation.body["operationId"] is String, "\(operation.name) has no operationId")
            guard let roles = operation.roles else {
                #expect(description.contains("Auth: public"), "\(operation.name) does not say it is public")
                continue
            }
            #expect(!roles.isEmpty && roles.isSubset(of: known), "\(operation.name) names roles \(roles)")
            #expect(roles.contains("admin"), "\(operation.name): an admin token is accepted everywhere")
            for role in roles {
                #expect(description.contains(role), "\(operation.name) does not say it accepts \(role) tokens")
            }
            for status in ["401", "403"] {
                #expect(operation.responses[status] != nil, "\(operation.name) needs a token but has no \(status)")
            }
            #expect(
                document.headers(of: operation.responses["401"] ?? [:]).contains("www-authenticate"),
                "\(operation.name) 401 does not document WWW-Authenticate")
        }
    }

    @Test("operations with a JSON body document its schema and the 400, 413 and 415 answers")
    func requestBodies() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let document = try OpenAPIDocument(app)
        let routes = app.application.router.routes
        for operation in document.operations {
            let route = routes.first { $0.method == operation.method.uppercased() && $0.pattern == operation.path }
            let takesJSON = route.map { if case .json = $0.body { true } else { false } } ?? false
            let takesForm = route.map { if case .form = $0.body { true } else { false } } ?? false
            #expect(
                (operation.requestBody != nil) == (takesJSON || takesForm),
                "\(operation.name): request body and route disagree")
            guard let body = operation.requestBody else { continue }
            let media = takesForm ? "application/x-www-form-urlencoded" : "application/json"
            let schema = (body["content"] as? [String: [String: Any]])?[media]?["schema"]
            #expect(schema != nil, "\(operation.name) has no request body schema")
            for status in ["400", "413", "415"] {
                #expect(operation.responses[status] != nil, "\(operation.name) takes a body but has no \(status)")
            }
        }
    }

    @Test("every operation documents 400: the router answers unknown query parameters on every path")
    func everyOperationHasBadRequest() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        for operation in try OpenAPIDocument(app).operations {
            #expect(operation.responses["400"] != nil, "\(operation.name) has no 400")
        }
    }

    @Test("each route's declared access is the document's security: public, or the same device roles")
    func accessMatchesSecurity() throws {
        let app = try TestApplication(catalogue: Fixtures.validCatalogue)
        defer { app.stop() }
        let document = try OpenAPIDocument(app)
        for route in app.application.router.routes {
            let name = "\(route.method) \(route.pattern)"
            let operation = try #require(
                document.operations.first { $0.method.uppercased() == route.method && $0.path == route.pattern },
                "\(name) is not documented")
            let security = operation.body["security"] as? [[String: [String]]]
            switch route.access {
            case .open:
                #expect(security?.isEmpty == true, "\(name) is open but the document asks for a token")
            case .device(let roles), .window(let roles):
                #expect(security?.count == 1 && operation.roles == roles, "\(name) takes \(roles.sorted())")
            case .optionalDevice(let roles):
                // `{}` makes the token optional; with one, the roles say who sees more.
                #expect(security?.contains { $0.isEmpty } == true, "\(name): the token is optional")
                #expect(security?.contains { Set($0["deviceToken"] ?? []) == roles } == true, "\(name) roles")
            }
        }
    }
}
