import Foundation
import Logging
import OneWindowCore
import OneWindowHTTP
import Synchronization

/// The city's route table: ingest, the metrics, health and the API's description.
enum CityRoutes {
    static func all(_ city: CityContext) -> [Route] {
        let openAPI = PreparedResponse(
            headers: ["Content-Type": Response.jsonContentType, "Cache-Control": "public, max-age=3600"],
            body: Data(PackageResources.city_openapi_json), etag: true)
        return [
            Route("POST", "/api/v1/halls/{hallId}/events", access: .device(["hall"]), body: .json) {
                request, responder in
                let hallId = request.pathParameter("hallId")
                guard request.authorizedDevice.name == hallId else {
                    throw HTTPError(
                        .wrongHall,
                        "the token of hall “\(request.authorizedDevice.name)” may not write hall “\(hallId)”")
                }
                let batch = try request.decodeJSON(CityEventBatch.self)
                try check(batch, maxEvents: city.configuration.maxBatchEvents)
                answer(responder, city.logger) {
                    do {
                        return .json(try await city.store.ingest(hallId: hallId, batch))
                    } catch let conflict as CityError {
                        guard case .sequenceConflict = conflict else { throw conflict }
                        city.logger.error("\(conflict)")
                        throw HTTPError(.sequenceConflict, conflict.description)
                    }
                }
            },
            // Public, as the file is: a hall pulls it with `If-None-Match` and the router answers
            // 304 itself; the signature, not the transport, says it is the city's.
            Route("GET", "/api/v1/halls/{hallId}/catalogue") { request in
                guard let catalogues = city.configuration.catalogues else {
                    throw HTTPError(.hallNotFound, "this city service serves no catalogues")
                }
                return Response(prepared: try catalogues.signed(hallId: request.pathParameter("hallId")).response)
            },
            Route(
                "GET", "/api/v1/city/metrics", access: .device(["city"]), query: ["from", "to", "hall", "service"]
            ) { request, responder in
                let (from, to) = try dayRange(request)
                let hallId = try text(request, "hall")
                let serviceId = try text(request, "service")
                answer(responder, city.logger) {
                    var times = PhaseTimes()
                    let report = try await report(
                        city, from: from, to: to, hallId: hallId, serviceId: serviceId, times: &times)
                    let body = await times.measure("encode") { await report.json() }
                    return Response(
                        status: 200,
                        headers: [
                            "Content-Type": Response.jsonContentType, "Cache-Control": "no-store",
                            "Server-Timing": times.header,
                        ], body: body)
                }
            },
            Route("GET", "/healthz") { _, responder in
                answer(responder, city.logger) {
                    let halls = try await city.store.halls().count
                    return .json(
                        ["status": "ok", "database": "ok", "halls": "\(halls)"],
                        headers: ["Cache-Control": "no-store"])
                }
            },
            Route("GET", "/api/v1/openapi.json") { _ in Response(prepared: openAPI) },
        ] + CityRoutes.pages(city) + CityRoutes.disclosure(city)
    }

    /// The city's report over `from`…`to`, for all halls or one, of all services or one (404
    /// for a hall not known, or a service neither in the city's catalogue nor in any hall's
    /// figures, as the hall's own metrics answer one not in its catalogue: a mistyped id must
    /// not read as a service nobody came for); `times` gets its phases (`Server-Timing`).
    static func report(
        _ city: CityContext, from: String, to: String, hallId: String?, serviceId: String?, times: inout PhaseTimes
    ) async throws -> CityReport {
        var halls = try await city.store.halls()
        if let hallId {
            halls = halls.filter { $0.hallId == hallId }
            guard !halls.isEmpty else { throw HTTPError(.hallNotFound, "no hall with id “\(hallId)”") }
        }
        if let serviceId, city.configuration.catalogue?.service(id: serviceId) == nil,
            try await !city.store.hasFigures(serviceId: serviceId)
        {
            throw HTTPError(
                .serviceNotFound,
                "no service item with id “\(serviceId)” in the city's catalogue or in any hall's figures")
        }
        // Bad reviews are overdue by the city's day (`BadReviewCounts`).
        let today = city.today()
        let figures = try await times.measure("read") {
            try await city.store.figures(from: from, to: to, hallId: hallId, serviceId: serviceId, today: today)
        }
        return try await times.measure("report") {
            try await CityReport.build(
                from: from, to: to, serviceId: serviceId, halls: halls, figures: figures,
                catalogue: city.configuration.catalogue)
        }
    }

    /// Runs `body` as a task and answers with what it returns; an `HTTPError` as itself, any
    /// other failure (PostgreSQL down, a refused statement) as 503: the hall sends again. With
    /// PostgreSQL down the pool waits for a connection; the answer does not wait with it past
    /// `databaseSeconds`. A page's errors are `page`'s (HTML), the API's the JSON error body.
    static func answer(
        _ responder: Responder, _ logger: Logger, page: Route.ErrorPage? = nil,
        _ body: @escaping @Sendable () async throws -> Response
    ) {
        let failure: @Sendable (HTTPError) -> Response = { error in page?(error) ?? .error(error) }
        let answered = Atomic<Bool>(false)
        let once: @Sendable (Response) -> Void = { response in
            if !answered.exchange(true, ordering: .acquiringAndReleasing) { responder.send(response) }
        }
        Task {
            do {
                once(try await body())
            } catch let error as HTTPError {
                once(failure(error))
            } catch {
                logger.warning("database call failed: \(error)")
                once(failure(unavailable))
            }
        }
        Task {
            try? await Task.sleep(for: .seconds(databaseSeconds))
            once(failure(unavailable))
        }
    }

    static let databaseSeconds = 5.0
    static let unavailable = HTTPError(
        .databaseUnavailable, "the city's database is not available; try again", retryAfterSeconds: 5)

    /// `from` and `to`: days written yyyy-MM-dd, `from` not after `to`, at most 366 days.
    static func dayRange(_ request: Request) throws(HTTPError) -> (String, String) {
        // `DayNumber`, not a date formatter: a formatter took 2026-02-30 as 2026-03-02.
        func day(_ name: String) throws(HTTPError) -> (String, Int) {
            guard let text = try request.queryValue(name) else {
                throw HTTPError(.invalidParameter, "query parameter “\(name)” is required (yyyy-MM-dd)")
            }
            guard let number = DayNumber.of(text) else {
                throw HTTPError(.invalidParameter, "“\(name)” must be a date written yyyy-MM-dd")
            }
            return (text, number)
        }
        let (from, start) = try day("from")
        let (to, end) = try day("to")
        guard from <= to else { throw HTTPError(.invalidParameter, "from (\(from)) is after to (\(to))") }
        guard end - start < 366 else {
            throw HTTPError(.invalidParameter, "the range is longer than 366 days")
        }
        return (from, to)
    }

    static func text(_ request: Request, _ name: String) throws(HTTPError) -> String? {
        guard let value = try request.queryValue(name)?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            return nil
        }
        guard value.unicodeScalars.count <= 100 else {
            throw HTTPError(.invalidParameter, "query parameter “\(name)” is longer than 100 characters")
        }
        return value
    }
}
