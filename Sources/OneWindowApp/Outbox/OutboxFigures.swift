import CoreMetrics
import Foundation
import OneWindowStorage

/// The outbox in Prometheus: how much waits, for how long, and how attempts went.
final class OutboxFigures: Sendable {
    private let depth: CoreMetrics.Meter
    private let oldest: CoreMetrics.Meter
    private let failing: CoreMetrics.Meter
    private let failures: CoreMetrics.Counter
    private let delivered: CoreMetrics.Counter

    init(_ exporter: PrometheusExporter) {
        depth = exporter.gauge(.init(name: "outbox_depth", unit: "", help: "Outbox records not yet delivered."), [])
        oldest = exporter.gauge(
            .init(name: "outbox_oldest", unit: "seconds", help: "Age of the oldest undelivered outbox record."), [])
        failing = exporter.gauge(
            .init(name: "outbox_failing", unit: "", help: "Undelivered outbox records whose last attempt failed."), [])
        failures = exporter.counter(
            .init(name: "outbox_failures", unit: "total", help: "Outbox delivery attempts that failed."), [])
        delivered = exporter.counter(
            .init(name: "outbox_delivered", unit: "total", help: "Outbox records delivered."), [])
    }

    func show(_ backlog: OutboxBacklog, now: Date) {
        depth.set(Double(backlog.depth))
        oldest.set(backlog.oldest.map { max(0, now.timeIntervalSince($0)) } ?? 0)
        failing.set(Double(backlog.failing))
    }

    func attemptFailed() { failures.increment() }
    func recordDelivered() { delivered.increment() }
}
