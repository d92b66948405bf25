import OneWindowHTTP

extension Routes {
    /// `GET /metrics`: the Prometheus text format, for a scraper on the hall's network. Open
    /// like `/healthz`: it holds counts and times per service and route, nothing about a person.
    /// The one-visit and booking gauges are set from the metrics book's report for the last 30
    /// hall days at each scrape, once the book is loaded (the bookings from storage); the bad
    /// reviews' gauges from the evaluations stored.
    static func prometheus(_ state: AppState, _ monitoring: Monitoring) -> [Route] {
        let reviews = PrometheusReviewFigures(monitoring.prometheus)
        return [
            Route("GET", "/metrics") { _ in
                if let counts = try? state.storage.badReviewCounts(today: state.queue.read(\.day)) {
                    reviews.show(open: counts.open, overdue: counts.overdue)
                }
                if state.metrics.isLoaded {
                    let today = state.queue.read(\.day)
                    let catalogue = state.catalogue.published
                    var report = state.metrics.read {
                        $0.report(
                            from: ManageDashboard.firstDay(endingWith: today), to: today, serviceId: nil,
                            catalogue: catalogue, today: today)
                    }
                    monitoring.caseFigures.update(report)
                    // Left as they were when the bookings cannot be read this once.
                    if (try? setBookings(&report, state, catalogue: catalogue)) != nil {
                        monitoring.bookingFigures.update(report)
                    }
                }
                return Response(
                    status: 200,
                    headers: ["Content-Type": PrometheusExporter.contentType, "Cache-Control": "no-store"],
                    body: monitoring.prometheus.exposition())
            }
        ]
    }
}
