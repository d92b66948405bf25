import CoreMetrics
import Foundation
import Prometheus

/// The daemon's Prometheus figures (`GET /metrics`): one registry per `Application`.
///
/// The global `MetricsSystem` is never bootstrapped: it can be bootstrapped once per process,
/// and tests run several Applications in one process. Every figure is a swift-metrics type
/// made with this exporter's own `PrometheusMetricsFactory` and a handler from its own
/// `PrometheusCollectorRegistry` (which carries the `# HELP` text), so nothing is shared
/// between Applications.
public final class PrometheusExporter: Sendable {
    let registry = PrometheusCollectorRegistry()
    let factory: PrometheusMetricsFactory
    /// `hall="<id>"` on every figure when the hall has an id in the city, so that the city's
    /// Prometheus can federate many halls and still tell them apart (and sum them).
    let constantLabels: [(String, String)]

    public init(hall: String? = nil) {
        factory = PrometheusMetricsFactory(registry: registry)
        constantLabels = hall.map { [("hall", $0)] } ?? []
    }

    /// The text exposition format, version 0.0.4.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// Every figure as Prometheus text.
    public func exposition() -> Data {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64 * 1024)
        registry.emit(into: &buffer)
        return Data(buffer)
    }

    /// A name and its help text; `unit` is the suffix (`total`, `seconds`).
    struct Name {
        var name: String
        var unit: String
        var help: String

        var descriptor: MetricNameDescriptor {
            MetricNameDescriptor(namespace: "onewindow", metricName: name, unitName: unit, helpText: help)
        }
    }

    func counter(_ name: Name, _ labels: [(String, String)]) -> CoreMetrics.Counter {
        let labels = constantLabels + labels
        let handler = registry.makeCounter(descriptor: name.descriptor, labels: labels)
        return CoreMetrics.Counter(label: name.descriptor.name, dimensions: labels, handler: handler, factory: factory)
    }

    func gauge(_ name: Name, _ labels: [(String, String)]) -> CoreMetrics.Meter {
        let labels = constantLabels + labels
        let handler = registry.makeGauge(descriptor: name.descriptor, labels: labels)
        return CoreMetrics.Meter(label: name.descriptor.name, dimensions: labels, handler: handler, factory: factory)
    }

    /// A histogram of whole seconds (waits, service times).
    func histogram(_ name: Name, _ labels: [(String, String)], buckets: [Double]) -> CoreMetrics.Recorder {
        let labels = constantLabels + labels
        let handler = registry.makeValueHistogram(descriptor: name.descriptor, labels: labels, buckets: buckets)
        return CoreMetrics.Recorder(
            label: name.descriptor.name, dimensions: labels, aggregate: true, handler: handler, factory: factory)
    }

    /// A histogram of durations (request latency), recorded in nanoseconds, shown in seconds.
    func timer(_ name: Name, _ labels: [(String, String)], buckets: [Duration]) -> CoreMetrics.Timer {
        let labels = constantLabels + labels
        let handler = registry.makeDurationHistogram(descriptor: name.descriptor, labels: labels, buckets: buckets)
        return CoreMetrics.Timer(label: name.descriptor.name, dimensions: labels, handler: handler, factory: factory)
    }
}
