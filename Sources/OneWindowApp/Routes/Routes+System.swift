import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// Health and the API's own description.
    static func system(_ state: AppState) -> [Route] {
        let openAPI = PreparedResponse(
            headers: ["Content-Type": Response.jsonContentType, "Cache-Control": "public, max-age=3600"],
            body: Data(PackageResources.openapi_json), etag: true)
        return [
            Route("GET", "/healthz") { _, responder in
                // Writes are judged by a probe through the commit thread; reads by a read.
                state.queue.probe { report in
                    let snapshot = state.catalogue
                    let readable = state.storage.isReachable()
                    let healthy = readable && report.writable
                    let outbox = state.outbox.health()
                    let pull = state.cataloguePuller?.status
                    let health = Health(
                        status: healthy && !outbox.failing && !(pull?.failing ?? false) ? "ok" : "degraded",
                        database: readable ? (report.writable ? "ok" : "not_writable") : "unreachable",
                        problem: readable ? report.problem : "the database cannot be read",
                        catalogue: .init(
                            services: snapshot.catalogue.services.count, version: snapshot.version,
                            loadedAt: Timestamp.iso8601(snapshot.loadedAt)),
                        outbox: outbox, cataloguePull: pull)
                    // A failing outbox or catalogue pull is `degraded` but still 200: the hall keeps serving.
                    responder.send(
                        .json(health, status: healthy ? 200 : 503, headers: ["Cache-Control": "no-store"]))
                }
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
        /// `ok`, `not_writable` (reads work, writes fail) or `unreachable`.
        var database: String
        /// Why, when not ok.
        var problem: String?
        var catalogue: CatalogueInfo
        var outbox: OutboxSender.Health
        /// Only for a hall that pulls its catalogue from the city (`--catalogue-url`).
        var cataloguePull: CataloguePuller.Health?
    }
}
