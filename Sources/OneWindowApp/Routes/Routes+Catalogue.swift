import OneWindowHTTP

extension Routes {
    /// `/api/v1`: the catalogue and the hall, answered from the current snapshot.
    static func catalogue(_ state: AppState) -> [Route] {
        [
            Route("GET", "/api/v1/services", query: ["q", "category"]) { request in
                let query = try textParameter(request, "q")
                let category = try textParameter(request, "category")
                let snapshot = state.catalogue
                guard query != nil || category != nil else { return Response(prepared: snapshot.serviceList) }
                return .json(ServiceList(snapshot.find(query: query, category: category)))
            },
            Route("GET", "/api/v1/services/{id}") { request in
                let id = request.pathParameter("id")
                guard let guide = state.publicFigures.guide(id, state: state) else {
                    throw HTTPError(.serviceNotFound, "no service item with id “\(id)”")
                }
                return Response(prepared: guide)
            },
            Route("GET", "/api/v1/categories") { _ in Response(prepared: state.catalogue.categories) },
            Route("GET", "/api/v1/hall") { _ in Response(prepared: state.catalogue.hall) },
        ]
    }
}
