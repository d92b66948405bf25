import CoreMetrics
import Foundation
import OneWindowCore
import Synchronization

/// The one-visit figures of the last 30 hall days, today included, as gauges: set at each
/// scrape from the metrics book's report for those days, the very report `/manage` leads with.
/// They are gauges, not counters, because a cohort changes after its days: a case that closes
/// at a second visit moves from `open` to `closed_later`.
public final class PrometheusCaseFigures: Sendable {
    private let exporter: PrometheusExporter
    private let gauges = Mutex<[String: CoreMetrics.Meter]>([:])

    static let firstVisits = PrometheusExporter.Name(
        name: "first_visits", unit: "cases",
        help: "Cases whose first visit ended at a window in the last 30 hall days, by service.")
    static let firstVisitsResolved = PrometheusExporter.Name(
        name: "first_visits_resolved", unit: "cases",
        help: "Of the first visits in the last 30 hall days, those that closed their case, by service.")
    static let cohort = PrometheusExporter.Name(
        name: "cohort", unit: "cases",
        help: "Cases whose first visit ended in the last 30 hall days, by service and state now "
            + "(closed_at_first_visit, closed_later, open, cancelled).")
    static let oneVisit = PrometheusExporter.Name(
        name: "one_visit", unit: "ratio",
        help: "The hall's cohort one-visit rate over the last 30 hall days: closed at first visit over "
            + "cases not cancelled; NaN without cases.")
    static let firstVisitResolution = PrometheusExporter.Name(
        name: "first_visit_resolution", unit: "ratio",
        help: "The hall's first visits that closed their case over first visits, last 30 hall days; NaN without.")
    static let daysToClose = PrometheusExporter.Name(
        name: "cohort_median_days_to_close", unit: "days",
        help: "The hall's median calendar days from opening to closing of the cohort's closed cases; NaN without.")

    init(exporter: PrometheusExporter) {
        self.exporter = exporter
    }

    /// Sets every gauge from `report` (the hall and each of its services).
    public func update(_ report: MetricsReport) {
        gauges.withLock { gauges in
            for service in report.services {
                let m = service.metrics
                let labels = [("service", service.serviceId)]
                gauge(Self.firstVisits, labels, &gauges).set(m.firstVisits)
                gauge(Self.firstVisitsResolved, labels, &gauges).set(m.firstVisitResolved)
                let states = [
                    ("closed_at_first_visit", m.cohort.closedAtFirstVisit), ("closed_later", m.cohort.closedLater),
                    ("open", m.cohort.open), ("cancelled", m.cohort.cancelled),
                ]
                for (state, count) in states {
                    gauge(Self.cohort, labels + [("state", state)], &gauges).set(count)
                }
            }
            let hall = report.metrics
            gauge(Self.oneVisit, [], &gauges).set(hall.cohort.oneVisitRate ?? .nan)
            gauge(Self.firstVisitResolution, [], &gauges).set(hall.firstVisitResolutionRate ?? .nan)
            gauge(Self.daysToClose, [], &gauges).set(hall.cohort.medianDaysToClose.map(Double.init) ?? .nan)
        }
    }

    private func gauge(
        _ name: PrometheusExporter.Name, _ labels: [(String, String)], _ gauges: inout [String: CoreMetrics.Meter]
    ) -> CoreMetrics.Meter {
        let key = ([name.name] + labels.map { "\($0.0)=\($0.1)" }).joined(separator: "\u{1F}")
        if let existing = gauges[key] { return existing }
        let made = exporter.gauge(name, labels)
        gauges[key] = made
        return made
    }
}
