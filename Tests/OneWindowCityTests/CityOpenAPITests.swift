import Foundation
import OneWindowCity
import OneWindowHTTP
import OneWindowTesting
import Testing

/// Keeps the city's OpenAPI document (its own file) true to its route table, both ways.
@Suite("The city's OpenAPI document", .serialized, .timeLimit(.minutes(2)))
struct CityOpenAPITests {
    @Test("every city route is documented with its method, query parameters and security, and nothing else")
    func matchesRouteTable() throws {
        let city = try CityHarness()
        defer { city.stop() }
        let response = try city.client.get("/api/v1/openapi.json")
        #expect(response.status == 200)
        #expect(response.json["openapi"] as? String == "3.1.0")
        let paths = try #require(response.json["paths"] as? [String: [String: [String: Any]]])
        var documented: Set<String> = []
        for (path, operations) in paths {
            for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
        }
        let routes = city.application.router.routes
        let routed = Set(routes.map { "\($0.method) \($0.pattern)" })
        #expect(
            routed == documented,
            "routed only: \(routed.subtracting(documented)), documented only: \(documented.subtracting(routed))")
        for route in routes {
            let name = "\(route.method) \(route.pattern)"
            let operation = try #require(paths[route.pattern]?[route.method.lowercased()], "\(name)")
            let query = (operation["parameters"] as? [[String: Any]] ?? [])
                .filter { $0["in"] as? String == "query" }.compactMap { $0["name"] as? String }
            #expect(Set(query) == route.queryParameters, "\(name): query parameters")
            let security = operation["security"] as? [[String: [String]]]
            #expect(
                operation["responses"] as? [String: Any] != nil
                    && (operation["responses"] as? [String: Any])?["400"] != nil, "\(name) has no 400")
            switch route.access {
            case .open:
                #expect(security?.isEmpty == true, "\(name) is open but the document asks for a token")
            case .device(let roles), .window(let roles), .optionalDevice(let roles):
                #expect(
                    security?.count == 1 && Set(security?.first?["deviceToken"] ?? []) == roles,
                    "\(name) takes \(roles.sorted())")
            }
        }
    }
}
