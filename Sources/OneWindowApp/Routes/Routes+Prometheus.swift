import OneWindowHTTP

extension Routes {
    /// `GET /metrics`: the Prometheus text format, for a scraper on the hall's network. Open
    /// like `/healthz`: it holds counts and times per service and route, nothing about a person.
    static func prometheus(_ monitoring: Monitoring) -> [Route] {
        [
            Route("GET", "/metrics") { _ in
                Response(
                    status: 200,
                    headers: ["Content-Type": PrometheusExporter.contentType, "Cache-Control": "no-store"],
                    body: monitoring.prometheus.exposition())
            }
        ]
    }
}
