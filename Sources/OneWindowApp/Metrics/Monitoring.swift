import Foundation
import Logging
import OneWindowCore
import OneWindowStorage

/// What the hall manager and the operator watch besides the metrics book: the Prometheus
/// figures and today's waiting line. One per
/// `Application`, made before the queue so that its observers hear every committed group.
public final class Monitoring: Sendable {
    public let prometheus: PrometheusExporter
    public let queueFigures: PrometheusQueueFigures
    public let requestFigures: PrometheusRequestFigures
    public let caseFigures: PrometheusCaseFigures
    public let bookingFigures: PrometheusBookingFigures
    public let waitingLine = WaitingTimeline()

    /// - Parameter hall: the hall's id in the city (`--hall-id`), the `hall` label of every figure.
    init(catalogue: Catalogue, hall: String? = nil) {
        prometheus = PrometheusExporter(hall: hall)
        queueFigures = PrometheusQueueFigures(exporter: prometheus, catalogue: catalogue)
        requestFigures = PrometheusRequestFigures(exporter: prometheus)
        caseFigures = PrometheusCaseFigures(exporter: prometheus)
        bookingFigures = PrometheusBookingFigures(exporter: prometheus)
    }

    /// The commit observers to give the queue.
    var observers: [any CommitObserver] { [queueFigures, waitingLine] }

    /// Once the queue is loaded: who waits now, and today's line read from the event log.
    func start(queue: QueueService, storage: Storage, logger: Logger) {
        let (waiting, day) = queue.read { q in (q.tickets.values.filter { $0.status == .waiting }, q.day) }
        queueFigures.seed(waiting: waiting)
        waitingLine.load(from: storage, day: day, logger: logger)
    }
}
