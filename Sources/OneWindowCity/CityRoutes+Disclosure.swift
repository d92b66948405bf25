import Foundation
import OneWindowApp
import OneWindowCore
import OneWindowHTTP
import Synchronization

extension CityRoutes {
    /// How old the public disclosure may grow before it is read again: public pages can be
    /// requested by anyone, and a year of every hall should not be read for each of them.
    static let disclosureSeconds = 60.0

    /// 政务公开 for the city: `/api/v1/city/disclosure` (JSON) and `/disclosure` (the page),
    /// public, computed at most every `disclosureSeconds` and at once when the day changes, with
    /// an `ETag` (a browser or proxy that holds the same figures gets 304).
    static func disclosure(_ city: CityContext) -> [Route] {
        let cache = Mutex<(day: String, at: Date, json: PreparedResponse, page: PreparedResponse)?>(nil)
        let errorPage: Route.ErrorPage = { error in
            page(CityPage.problem(error.message, signedIn: false), status: error.status, headers: error.headers)
        }
        @Sendable func answers() async throws -> (json: PreparedResponse, page: PreparedResponse) {
            let today = city.today()
            let now = city.configuration.clock()
            if let cached = cache.withLock({ $0 }), cached.day == today,
                now.timeIntervalSince(cached.at) < disclosureSeconds
            {
                return (cached.json, cached.page)
            }
            let halls = try await city.store.halls()
            let figures = try await city.store.figures(
                ranges: CityDisclosure.ranges(today: today), hallId: nil, serviceId: nil, today: today)
            let disclosure = try CityDisclosure(
                halls: halls, figures: figures, catalogue: city.configuration.catalogue,
                timeZone: city.configuration.timeZone, today: today)
            let encoded = Response.json(disclosure, headers: ["Cache-Control": "public, max-age=60"])
            let json = PreparedResponse(headers: encoded.headers, body: encoded.body, etag: true)
            let rendered = page(
                CityDisclosurePage.render(
                    city: disclosure.city,
                    halls: disclosure.halls.map { ($0.name, $0.yearToDate, $0.months) }),
                cache: "public, max-age=60")
            let html = PreparedResponse(headers: rendered.headers, body: rendered.body, etag: true)
            cache.withLock { $0 = (today, now, json, html) }
            return (json, html)
        }
        return [
            Route("GET", "/api/v1/city/disclosure") { _, responder in
                answer(responder, city.logger) { Response(prepared: try await answers().json) }
            },
            Route.page(
                "/disclosure", errorPage: errorPage,
                deferred: { _, responder in
                    answer(responder, city.logger, page: errorPage) { Response(prepared: try await answers().page) }
                }),
        ]
    }
}
