import OneWindowHTTP

extension Routes {
    /// 政务公开: `/api/v1/disclosure` (JSON) and `/disclosure` (the page), public and cached.
    static func disclosure(_ state: AppState) -> [Route] {
        [
            Route("GET", "/api/v1/disclosure") { _ in
                Response(prepared: try state.publicFigures.disclosure(state: state).json)
            },
            Route.page("/disclosure", errorPage: errorPage(state)) { request in
                let pages = try state.publicFigures.disclosure(state: state).pages
                return Response(prepared: pages[PageMode(request)] ?? pages[.standard]!)
            },
        ]
    }
}
