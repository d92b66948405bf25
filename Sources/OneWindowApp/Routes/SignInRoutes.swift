import OneWindowHTTP

/// The sign-in and sign-out forms of a page signed in once with a token: `/manage` with an admin
/// token, the city's `/city` with a reader token. One flow for both (the Origin check, the
/// throttle, the cookie, POST-redirect-GET); each page brings its own words and frame.
package struct SignInRoutes: Sendable {
    /// The signed-in page, e.g. `/manage`: the forms post to `<page>/sign-in` and `<page>/sign-out`
    /// and both send the browser back to it.
    let page: String
    let sessions: ManageSessions
    /// Said when the token is live but of another role (403).
    let wrongRole: String
    /// The sign-in page saying `problem`, answered with `status` and `headers`.
    let signInPage: @Sendable (_ problem: String, _ status: Int, _ headers: HTTPHeaders) -> Response

    package init(
        page: String, sessions: ManageSessions, wrongRole: String,
        signInPage: @escaping @Sendable (_ problem: String, _ status: Int, _ headers: HTTPHeaders) -> Response
    ) {
        self.page = page
        self.sessions = sessions
        self.wrongRole = wrongRole
        self.signInPage = signInPage
    }

    package func routes(errorPage: @escaping Route.ErrorPage) -> [Route] {
        [
            Route.form("\(page)/sign-in", errorPage: errorPage) { request in
                if let refused = refused(request) { return refused }
                let token = try request.formValues()["token"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                return signIn(token: token, request: request)
            },
            Route.form("\(page)/sign-out", body: .none, errorPage: errorPage) { request in
                if let origin = ManageSessions.foreignOrigin(of: request) {
                    throw HTTPError(.forbidden, "a sign-out form from another site (\(origin)) is refused")
                }
                try sessions.close(request)
                return redirect(cookie: sessions.clearCookie(for: request))
            },
        ]
    }

    /// Opens the session and sends the browser to the page, or answers the sign-in page saying
    /// why not: a wrong token (401), another role's (403), a store that cannot answer (503).
    private func signIn(token: String, request: Request) -> Response {
        let id: String
        do throws(HTTPError) {
            id = try sessions.signIn(token: token, request: request).id
        } catch {
            switch error.status {
            case 403: return signInPage(wrongRole, 403, [:])
            case 503: return unavailable(error)
            default: return signInPage("令牌不正确或已被吊销，请重新输入。", error.status, [:])
            }
        }
        return redirect(cookie: sessions.setCookie(id, for: request))
    }

    /// The sign-in page when the sessions' store cannot answer (the city's PostgreSQL down).
    private func unavailable(_ error: HTTPError) -> Response {
        signInPage("暂时无法登录：会话存储没有响应，请稍后再试。", 503, ["Retry-After": "\(error.retryAfterSeconds ?? 30)"])
    }

    private func redirect(cookie: String) -> Response {
        Response(status: 303, headers: ["Location": page, "Set-Cookie": cookie, "Cache-Control": "no-store"])
    }

    /// The sign-in page that answers instead of checking the token: 403 for a form from another
    /// site, 429 with `Retry-After` for a client with too many failed sign-ins, 503 when the
    /// throttle cannot answer. Nil to go on.
    private func refused(_ request: Request) -> Response? {
        if ManageSessions.foreignOrigin(of: request) != nil {
            return signInPage("请在本站的登录页输入令牌。", 403, [:])
        }
        let wait: Int?
        do throws(HTTPError) {
            wait = try sessions.signInWait(client: request.clientAddress)
        } catch {
            return unavailable(error)
        }
        if let wait {
            let minutes = max(1, (wait + 59) / 60)
            return signInPage("登录失败次数过多，请 \(minutes) 分钟后再试。", 429, ["Retry-After": "\(wait)"])
        }
        return nil
    }
}
