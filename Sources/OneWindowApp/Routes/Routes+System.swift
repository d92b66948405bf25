import Foundation
import OneWindowHTTP

extension Routes {
    /// Health and the API's own description.
    static func system(_ state: AppState) -> [Route] {
        let openAPI = PreparedResponse(
            headers: ["Content-Type": Response.jsonContentType, "Cache-Control": "public, max-age=3600"],
            body: Data(PackageResources.openapi_json), etag: true)
        return [
            Route("GET", "/healthz") { _ in
                let snapshot = state.catalogue
                let databaseOK = state.storage.isReachable()
                let health = Health(
                    status: databaseOK ? "ok" : "degraded",
                    database: databaseOK ? "ok" : "unreachable",
                    catalogue: .init(
                        services: snapshot.catalogue.services.count, version: snapshot.version,
                        loadedAt: snapshot.loadedAt.formatted(.iso8601)))
                return .json(health, status: databaseOK ? 200 : 503, headers: ["Cache-Control": "no-store"])
            },
            Route("GET", "/api/v1/openapi.json") { _ in Response(prepared: openAPI) },
        ]
    }

    private struct Health: Encodable {
        struct CatalogueInfo: Encodable {
            var services: Int
            var version: String
            var loadedAt: String
        }
        var status: String
        var database: String
        var catalogue: CatalogueInfo
    }
}
