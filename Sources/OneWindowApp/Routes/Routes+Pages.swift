import Foundation
import OneWindowHTTP

extension Routes {
    /// The applicant's HTML pages: search and the whole guide, no script element. They ignore
    /// query parameters they do not know (links shared in WeChat carry `?from=singlemessage…`)
    /// and answer errors with a page, never with the API's JSON.
    static func pages(_ state: AppState) -> [Route] {
        let errorPage = errorPage(state)
        return [
            Route.page("/", query: ["q", "category"], errorPage: errorPage) { request in
                let query = try textParameter(request, "q")
                let category = try textParameter(request, "category")
                let snapshot = state.catalogue
                let mode = PageMode(request)
                guard query != nil || category != nil else { return Response(prepared: snapshot.homePage[mode]!) }
                let results = snapshot.find(query: query, category: category)
                let page = HomePage.render(
                    catalogue: snapshot.published, query: query, category: category, results: results, mode: mode)
                return html(page)
            },
            Route.page("/guides/{id}", errorPage: errorPage) { request in
                let id = request.pathParameter("id")
                let snapshot = state.catalogue
                let mode = PageMode(request)
                if let page = state.publicFigures.guidePage(id, mode: mode, state: state) {
                    return Response(prepared: page)
                }
                let page = NotFoundPage.render(
                    hall: snapshot.published.hall, message: "没有编号为“\(id)”的办事事项。", path: request.path, mode: mode)
                return html(page, status: 404)
            },
            // 长者模式: a plain link sets or clears the cookie and comes back to the same page.
            Route.page("/elderly-mode", query: ["on", "back"], errorPage: errorPage) { request in
                let mode: PageMode = try request.queryValue("on") == "0" ? .standard : .large
                let back = PageMode.safeReturnPath(try request.queryValue("back"))
                return Response(
                    status: 303, headers: ["Location": back, "Set-Cookie": mode.setCookie, "Cache-Control": "no-store"])
            },
        ]
    }

    /// The error page of every HTML route, in the current hall's layout.
    static func errorPage(_ state: AppState) -> Route.ErrorPage {
        { error in ErrorPage.response(hall: state.catalogue.published.hall, error: error) }
    }

    private static func html(_ page: String, status: Int = 200) -> Response {
        Response(
            status: status, headers: ["Content-Type": Response.htmlContentType, "Vary": "Cookie"], body: Data(page.utf8)
        )
    }
}
