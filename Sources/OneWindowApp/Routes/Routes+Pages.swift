import Foundation
import OneWindowHTTP

extension Routes {
    /// The applicant's HTML pages: search and the whole guide, no JavaScript.
    static func pages(_ state: AppState) -> [Route] {
        [
            Route("GET", "/", query: ["q", "category"]) { request in
                let query = try textParameter(request, "q")
                let category = try textParameter(request, "category")
                let snapshot = state.catalogue
                guard query != nil || category != nil else { return Response(prepared: snapshot.homePage) }
                let results = snapshot.find(query: query, category: category)
                let page = HomePage.render(
                    catalogue: snapshot.published, query: query, category: category, results: results)
                return html(page)
            },
            Route("GET", "/guides/{id}") { request in
                let id = request.pathParameter("id")
                let snapshot = state.catalogue
                if let page = snapshot.guidePages[id] { return Response(prepared: page) }
                let page = NotFoundPage.render(hall: snapshot.published.hall, message: "没有编号为“\(id)”的办事事项。")
                return html(page, status: 404)
            },
        ]
    }

    private static func html(_ page: String, status: Int = 200) -> Response {
        Response(status: status, headers: ["Content-Type": Response.htmlContentType], body: Data(page.utf8))
    }
}
