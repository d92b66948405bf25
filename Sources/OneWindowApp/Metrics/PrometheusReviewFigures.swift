import CoreMetrics
import Foundation

/// Bad reviews awaiting rectification, and the overdue among them, read at each scrape: they
/// change with the calendar (a review turns overdue at midnight), not only with events.
final class PrometheusReviewFigures: Sendable {
    private let open: CoreMetrics.Meter
    private let overdue: CoreMetrics.Meter

    init(_ exporter: PrometheusExporter) {
        open = exporter.gauge(
            .init(name: "bad_reviews_open", unit: "", help: "Bad reviews (rating 2 or less) not yet rectified."), [])
        overdue = exporter.gauge(
            .init(
                name: "bad_reviews_overdue", unit: "",
                help: "Bad reviews not rectified within their 15 working days."), [])
    }

    func show(open: Int, overdue: Int) {
        self.open.set(Double(open))
        self.overdue.set(Double(overdue))
    }
}
