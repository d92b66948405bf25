import Foundation
import OneWindowCore
import OneWindowHTTP

extension Routes {
    /// `/manage`: the hall manager's page, signed in with the admin token once (see `ManageSessions`).
    static func manage(_ state: AppState, _ monitoring: Monitoring, _ sessions: ManageSessions) -> [Route] {
        let errorPage = errorPage(state)
        return [
            Route.page("/manage", errorPage: errorPage) { request in
                let hall = state.catalogue.published.hall
                guard let session = sessions.session(for: request) else {
                    return managePage(ManagePage.signIn(hall: hall))
                }
                var board = try dashboard(state, monitoring, device: session.device)
                board.followUps = followUps(state, today: board.today)
                board.csrf = session.csrf
                return managePage(ManagePage.render(board), headers: ["Vary": "Cookie"])
            },
            Route.form("/manage/sign-in", errorPage: errorPage) { request in
                let hall = state.catalogue.published.hall
                if let refused = signInRefused(request, sessions, hall: hall) { return refused }
                let token = try request.formValues()["token"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                let id: String
                do throws(HTTPError) {
                    id = try sessions.signIn(token: token, request: request).id
                } catch {
                    let problem = error.status == 403 ? "这个令牌不是管理员令牌。" : "令牌不正确或已被吊销，请重新输入。"
                    return managePage(ManagePage.signIn(hall: hall, problem: problem), status: error.status)
                }
                return Response(
                    status: 303,
                    headers: [
                        "Location": "/manage", "Set-Cookie": sessions.setCookie(id, for: request),
                        "Cache-Control": "no-store",
                    ])
            },
            Route.form("/manage/sign-out", body: .none, errorPage: errorPage) { request in
                if let origin = ManageSessions.foreignOrigin(of: request) {
                    throw HTTPError(.forbidden, "a sign-out form from another site (\(origin)) is refused")
                }
                sessions.close(request)
                return Response(
                    status: 303,
                    headers: [
                        "Location": "/manage", "Set-Cookie": sessions.clearCookie(for: request),
                        "Cache-Control": "no-store",
                    ])
            },
            Route.page("/manage/daily.csv", query: ["date"], errorPage: errorPage) { request in
                // The date is checked first, signed in or not. Without one, today's.
                let date = try request.queryValue("date") == nil ? nil : try hallDay(request, "date")
                guard sessions.session(for: request) != nil else {
                    return Response(status: 303, headers: ["Location": "/manage", "Cache-Control": "no-store"])
                }
                return try dailyCSV(state, date: date ?? state.queue.read(\.day))
            },
        ]
    }

    /// The sign-in page that answers instead of checking the token: 403 for a form from another
    /// site, 429 with `Retry-After` for a client with too many failed sign-ins. Nil to go on.
    private static func signInRefused(_ request: Request, _ sessions: ManageSessions, hall: Hall) -> Response? {
        if ManageSessions.foreignOrigin(of: request) != nil {
            return managePage(ManagePage.signIn(hall: hall, problem: "请在本站的登录页输入令牌。"), status: 403)
        }
        if let wait = sessions.signInWait(client: request.clientAddress) {
            let minutes = max(1, (wait + 59) / 60)
            return managePage(
                ManagePage.signIn(hall: hall, problem: "登录失败次数过多，请 \(minutes) 分钟后再试。"), status: 429,
                headers: ["Retry-After": "\(wait)"])
        }
        return nil
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
