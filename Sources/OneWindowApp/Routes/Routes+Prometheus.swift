import OneWindowHTTP

extension Routes {
    /// `GET /metrics`: the Prometheus text format, for a scraper on the hall's network. Open
    /// like `/healthz`: it holds counts and times per service and route, nothing about a person.
    static func prometheus(_ state: AppState, _ monitoring: Monitoring) -> [Route] {
        let reviews = PrometheusReviewFigures(monitoring.prometheus)
        return [
            Route("GET", "/metrics") { _ in
                if let counts = try? state.storage.badReviewCounts(today: state.queue.read(\.day)) {
                    reviews.show(open: counts.open, overdue: counts.overdue)
                }
                return Response(
                    status: 200,
                    headers: ["Content-Type": PrometheusExporter.contentType, "Cache-Control": "no-store"],
                    body: monitoring.prometheus.exposition())
            }
        ]
    }
}
