import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// `/manage`: the hall manager's page, signed in with the admin token once (see `ManageSessions`).
    static func manage(_ state: AppState, _ monitoring: Monitoring, _ sessions: ManageSessions) -> [Route] {
        let errorPage = errorPage(state)
        let signIn = SignInRoutes(page: "/manage", sessions: sessions, wrongRole: "这个令牌不是管理员令牌。") {
            problem, status, headers in
            managePage(
                ManagePage.signIn(hall: state.catalogue.published.hall, problem: problem), status: status,
                headers: headers)
        }
        return signIn.routes(errorPage: errorPage) + [
            Route.page("/manage", errorPage: errorPage) { request in
                let hall = state.catalogue.published.hall
                guard let session = try sessions.session(for: request) else {
                    return managePage(ManagePage.signIn(hall: hall))
                }
                var board = try dashboard(state, monitoring, device: session.device)
                board.followUps = followUps(state, today: board.today)
                board.csrf = session.csrf
                return managePage(ManagePage.render(board), headers: ["Vary": "Cookie"])
            },
            Route.page("/manage/daily.csv", query: ["date"], errorPage: errorPage) { request in
                // The date is checked first, signed in or not. Without one, today's.
                let date = try request.queryValue("date") == nil ? nil : try hallDay(request, "date")
                guard try sessions.session(for: request) != nil else {
                    return Response(status: 303, headers: ["Location": "/manage", "Cache-Control": "no-store"])
                }
                return try dailyCSV(state, date: date ?? state.queue.read(\.day))
            },
        ]
    }

    private static func dashboard(_ state: AppState, _ monitoring: Monitoring, device: String) throws(HTTPError)
        -> ManageDashboard
    {
        let catalogue = state.catalogue.published
        let (today, waitingNow) = state.queue.read { ($0.day, $0.waitingByPrefix.values.reduce(0, +)) }
        let month = try metricsReport(state, from: ManageDashboard.firstDay(endingWith: today), to: today)
        let (todayFigures, trend) = state.metrics.read { book in
            (
                book.report(from: today, to: today, serviceId: nil, catalogue: catalogue, today: today).metrics,
                ManageDashboard.trend(book, days: ManageDashboard.dayList(endingWith: today))
            )
        }
        return ManageDashboard(
            hall: catalogue.hall, today: today, now: state.clock(), waitingNow: waitingNow,
            todayFigures: todayFigures, waitingLine: monitoring.waitingLine.points(day: today), month: month,
            trend: trend, badReviews: (try? state.storage.openBadReviews()) ?? [], catalogue: catalogue,
            device: device)
    }

    static func managePage(_ html: String, status: Int = 200, headers extra: HTTPHeaders = [:]) -> Response {
        var headers: HTTPHeaders = [
            "Content-Type": Response.htmlContentType, "Cache-Control": "no-store",
            "Content-Security-Policy": ManagePage.contentSecurityPolicy,
        ]
        for field in extra.all { headers.add(field.name, field.value) }
        return Response(status: status, headers: headers, body: Data(html.utf8))
    }
}
