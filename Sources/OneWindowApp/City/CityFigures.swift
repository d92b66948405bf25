import CoreMetrics
import Foundation
import OneWindowStorage

/// How far behind the city is, in Prometheus: events not yet held by the city, the age of the
/// oldest, and how batches went.
final class CityFigures: Sendable {
    private let behind: CoreMetrics.Meter
    private let oldest: CoreMetrics.Meter
    private let failures: CoreMetrics.Counter
    private let delivered: CoreMetrics.Counter

    init(_ exporter: PrometheusExporter) {
        behind = exporter.gauge(
            .init(name: "city_events_behind", unit: "", help: "Events of the log the city does not hold yet."), [])
        oldest = exporter.gauge(
            .init(name: "city_oldest_behind", unit: "seconds", help: "Age of the oldest event the city does not hold."),
            [])
        failures = exporter.counter(
            .init(name: "city_failures", unit: "total", help: "Batches to the city that failed."), [])
        delivered = exporter.counter(
            .init(name: "city_events_sent", unit: "total", help: "Events the city stored for the first time."), [])
    }

    func show(_ backlog: CityBacklog, now: Date) {
        behind.set(Double(backlog.events))
        oldest.set(backlog.oldest.map { max(0, now.timeIntervalSince($0)) } ?? 0)
    }

    func attemptFailed() { failures.increment() }
    func recordDelivered(_ events: Int) { delivered.increment(by: Int64(events)) }
}
