import Foundation
import OneWindowApp
import OneWindowHTTP
import OneWindowTesting
import Testing

/// Keeps the OpenAPI document true to the route table, both ways.
@Suite("The OpenAPI document")
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
}
