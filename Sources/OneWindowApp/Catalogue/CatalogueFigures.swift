import CoreMetrics
import Foundation

/// The catalogue pull in Prometheus: pulls by outcome, whether the last one failed, and when
/// the city last answered with a good catalogue.
final class CatalogueFigures: Sendable {
    private let pulls: [String: CoreMetrics.Counter]
    private let failing: CoreMetrics.Meter
    private let lastGood: CoreMetrics.Meter

    init(_ exporter: PrometheusExporter) {
        var pulls: [String: CoreMetrics.Counter] = [:]
        for code in CataloguePullOutcome.allCodes {
            pulls[code] = exporter.counter(
                .init(name: "catalogue_pulls", unit: "total", help: "Catalogue pulls from the city, by outcome."),
                [("outcome", code)])
        }
        self.pulls = pulls
        failing = exporter.gauge(
            .init(
                name: "catalogue_pull_failing", unit: "",
                help: "1 while the last catalogue pull failed and the hall serves its last good catalogue."), [])
        lastGood = exporter.gauge(
            .init(
                name: "catalogue_pull_last_good", unit: "timestamp_seconds",
                help: "When the city last answered with a good or unchanged catalogue (Unix time)."), [])
    }

    func show(_ outcome: CataloguePullOutcome, at now: Date) {
        pulls[outcome.code]?.increment()
        failing.set(outcome.problem == nil ? 0 : 1)
        if outcome.problem == nil { lastGood.set(now.timeIntervalSince1970) }
    }
}
