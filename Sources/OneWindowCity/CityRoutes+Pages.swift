import Foundation
import OneWindowApp
import OneWindowCore
import OneWindowHTTP

extension CityRoutes {
    /// `/city`: the city office's page, signed in once with a reader token (see `ManageSessions`),
    /// drawn from the same reads and the same `CityReport` as `GET /api/v1/city/metrics`.
    static func pages(_ city: CityContext) -> [Route] {
        let sessions = city.sessions
        let errorPage: Route.ErrorPage = { error in
            page(CityPage.problem(error.message, signedIn: false), status: error.status, headers: error.headers)
        }
        let signIn = SignInRoutes(page: "/city", sessions: sessions, wrongRole: "这个令牌不是读取令牌。") {
            problem, status, headers in
            page(CityPage.signIn(problem: problem), status: status, headers: headers)
        }
        return signIn.routes(errorPage: errorPage) + [
            Route.page(
                "/city", query: ["from", "to"], errorPage: errorPage,
                deferred: { request, responder in
                    guard let session = try sessions.session(for: request) else {
                        return responder.send(page(CityPage.signIn()))
                    }
                    let today = city.today()
                    let range: (from: String, to: String)
                    do throws(HTTPError) {
                        range = try pageRange(request, today: today)
                    } catch {
                        return responder.send(page(CityPage.problem(error.message), status: 400))
                    }
                    answer(responder, city.logger, page: errorPage) {
                        let shown = try await board(
                            city, from: range.from, to: range.to, today: today, device: session.device)
                        return page(CityPage.render(shown), headers: ["Vary": "Cookie"])
                    }
                })
        ]
    }

    /// The page's range: `from` and `to` as the metrics API takes them, or without either the
    /// 30 days ending today.
    static func pageRange(_ request: Request, today: String) throws(HTTPError) -> (String, String) {
        if try request.queryValue("from") == nil, try request.queryValue("to") == nil {
            return (CityBoard.defaultFrom(today: today), today)
        }
        return try dayRange(request)
    }

    /// The board of `from`…`to`: one read of the rollups, the report the API answers, and per
    /// hall the first `CityPage.overdueRows` bad reviews of the range past their deadline and not
    /// rectified (how many there are is the report's `badOverdue`).
    static func board(_ city: CityContext, from: String, to: String, today: String, device: String) async throws
        -> CityBoard
    {
        let halls = try await city.store.halls()
        let figures = try await city.store.figures(
            from: from, to: to, hallId: nil, serviceId: nil, today: today, overdueRows: CityPage.overdueRows)
        let report = try await CityReport.build(
            from: from, to: to, serviceId: nil, halls: halls, figures: figures, catalogue: city.configuration.catalogue)
        let overdue = halls.flatMap { hall in
            (figures[hall.hallId]?.overdue ?? []).map { review in
                CityBoard.OverdueReview(
                    hallId: hall.hallId, serviceId: review.serviceId, hallDay: review.hallDay, due: review.due)
            }
        }
        return CityBoard(
            from: from, to: to, today: today, device: device,
            halls: report.halls.map { CityBoard.HallRow(hallId: $0.hallId, name: $0.name, report: $0.report) },
            city: report.city, overdue: overdue, catalogue: city.configuration.catalogue,
            guideBase: city.configuration.guideBase)
    }

    /// An HTML answer of the city's pages: not stored, no script, no framing, no sniffing.
    static func page(
        _ html: String, status: Int = 200, headers extra: HTTPHeaders = [:], cache: String = "no-store"
    ) -> Response {
        var headers: HTTPHeaders = [
            "Content-Type": Response.htmlContentType, "Cache-Control": cache,
            "Content-Security-Policy": CityPage.contentSecurityPolicy, "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "same-origin",
        ]
        for field in extra.all { headers.add(field.name, field.value) }
        return Response(status: status, headers: headers, body: Data(html.utf8))
    }
}
