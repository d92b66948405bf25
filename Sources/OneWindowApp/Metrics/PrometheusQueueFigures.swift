import CoreMetrics
import Foundation
import OneWindowCore
import Synchronization

/// The queue's Prometheus figures, kept by a `CommitObserver` on the commit thread after the
/// group's commit and before its requests are answered, as every observer (in microseconds,
/// under a lock of its own, so a scrape never holds the commit thread): tickets issued, called,
/// completed (by outcome), no-shows and expirations per service; ratings per service and
/// channel; tickets waiting per queue;
/// histograms of the wait (issue to first call, every ticket called, no-shows included) and the
/// service time (last call to completion), and the wait again by ticket channel (the three
/// always, so the label's cardinality is fixed), observed from what `MetricsBook` counted (`observe`),
/// so that they and `/api/v1/metrics` have one definition. Counters count since the daemon
/// started, as Prometheus expects.
public final class PrometheusQueueFigures: CommitObserver {
    private struct Key: Hashable {
        var name: String
        var serviceId: String
        var outcome: String?
    }

    private struct Counts {
        var counters: [Key: CoreMetrics.Counter] = [:]
        var waits: [String: CoreMetrics.Recorder] = [:]
        var serviceTimes: [String: CoreMetrics.Recorder] = [:]
        /// The waits again by ticket channel: three series, made at start.
        var channelWaits: [String: CoreMetrics.Recorder] = [:]
        var gauges: [String: CoreMetrics.Meter] = [:]
        /// Waiting tickets: id → queue prefix; and how many per prefix.
        var waiting: [String: String] = [:]
        var perQueue: [String: Int] = [:]
    }

    private let exporter: PrometheusExporter
    private let counts = Mutex(Counts())

    static let issued = PrometheusExporter.Name(
        name: "tickets_issued", unit: "total", help: "Tickets issued, by service.")
    static let issuedByChannel = PrometheusExporter.Name(
        name: "tickets_issued_by_channel", unit: "total",
        help: "Tickets issued, by service and channel (walk_in, appointment, remote).")
    static let called = PrometheusExporter.Name(
        name: "tickets_called", unit: "total", help: "Calls of tickets to a window (not recalls), by service.")
    static let completed = PrometheusExporter.Name(
        name: "tickets_completed", unit: "total", help: "Visits ended at a window, by service and outcome.")
    static let noShows = PrometheusExporter.Name(
        name: "tickets_no_show", unit: "total", help: "Tickets marked no-show, by service.")
    static let expired = PrometheusExporter.Name(
        name: "tickets_expired", unit: "total", help: "Tickets still open when the hall's day ended, by service.")
    static let ratings = PrometheusExporter.Name(
        name: "ratings", unit: "total", help: "Ratings given, by service and channel (pad, phone, kiosk).")
    static let waitingNow = PrometheusExporter.Name(
        name: "queue_waiting", unit: "tickets", help: "Tickets waiting now, by queue (ticket number prefix).")
    static let wait = PrometheusExporter.Name(
        name: "wait", unit: "seconds",
        help: "Issue to first call of every ticket called (no-shows included), in whole seconds, by service.")
    static let waitByChannel = PrometheusExporter.Name(
        name: "wait_by_channel", unit: "seconds",
        help: "The same waits as onewindow_wait_seconds, by ticket channel (walk_in, appointment, remote).")
    static let service = PrometheusExporter.Name(
        name: "service", unit: "seconds", help: "Last call to completion, in whole seconds, by service.")
    static let waitBuckets: [Double] = [60, 120, 300, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200]
    static let serviceBuckets: [Double] = [60, 120, 180, 300, 450, 600, 900, 1200, 1800, 3600]

    /// Every queue of `catalogue` starts at 0 waiting, so its series exists before its first ticket.
    public init(exporter: PrometheusExporter, catalogue: Catalogue) {
        self.exporter = exporter
        counts.withLock { counts in
            for prefix in Set(catalogue.services.map(\.queuePrefix)) { _ = self.gauge(prefix, &counts) }
            for channel in Ticket.Channel.allCases {
                counts.channelWaits[channel.rawValue] = exporter.histogram(
                    Self.waitByChannel, [("channel", channel.rawValue)], buckets: Self.waitBuckets)
            }
        }
    }

    /// Takes the tickets waiting now, once the queue is loaded.
    public func seed(waiting tickets: [Ticket]) {
        counts.withLock { counts in
            for ticket in tickets { note(ticket, &counts) }
            publishWaiting(&counts)
        }
    }

    public func committed(_ group: CommittedGroup) {
        counts.withLock { counts in
            for stored in group.events { count(stored.event, group, &counts) }
            var changed: Set<String> = []
            for ticket in group.tickets.values {
                if note(ticket, &counts) { changed.insert(ticket.prefix) }
            }
            for prefix in changed { gauge(prefix, &counts).set(counts.perQueue[prefix] ?? 0) }
        }
    }

    private func count(_ event: QueueEvent, _ group: CommittedGroup, _ counts: inout Counts) {
        guard let serviceId = event.serviceId else { return }
        let ticket = event.ticketId.flatMap { group.tickets[$0] }
        switch event.kind {
        case .issued:
            counter(Self.issued, serviceId, nil, &counts).increment()
            let channel = EventDetail.parse(event.detail).channel ?? Ticket.Channel.walkIn.rawValue
            counter(Self.issuedByChannel, serviceId, channel, label: "channel", &counts).increment()
        case .called:
            counter(Self.called, serviceId, nil, &counts).increment()
        case .completed:
            counter(Self.completed, serviceId, ticket?.outcome ?? "completed", &counts).increment()
        case .noShow:
            counter(Self.noShows, serviceId, nil, &counts).increment()
        case .expired:
            counter(Self.expired, serviceId, nil, &counts).increment()
        case .evaluated:
            let channel = EventDetail.parse(event.detail).channel ?? "unknown"
            counter(Self.ratings, serviceId, channel, label: "channel", &counts).increment()
        default:
            break
        }
    }

    /// A wait or service time the metrics fold counted, as it counted it.
    public func observe(_ timing: MetricsBook.Timing) {
        counts.withLock { counts in
            switch timing.kind {
            case .wait:
                histogram(Self.wait, timing.serviceId, &counts.waits).record(timing.seconds)
                // A channel outside the three (none is written today) keeps the cardinality fixed.
                counts.channelWaits[timing.channel]?.record(timing.seconds)
            case .service: histogram(Self.service, timing.serviceId, &counts.serviceTimes).record(timing.seconds)
            }
        }
    }

    /// Notes whether `ticket` waits, as it stands now; true when its queue's count changed.
    @discardableResult
    private func note(_ ticket: Ticket, _ counts: inout Counts) -> Bool {
        let was = counts.waiting[ticket.id]
        let waits = ticket.status == .waiting
        if let was, !waits {
            counts.waiting[ticket.id] = nil
            counts.perQueue[was, default: 0] -= 1
            return true
        } else if was == nil, waits {
            counts.waiting[ticket.id] = ticket.prefix
            counts.perQueue[ticket.prefix, default: 0] += 1
            return true
        }
        return false
    }

    private func publishWaiting(_ counts: inout Counts) {
        for (prefix, waiting) in counts.perQueue { gauge(prefix, &counts).set(waiting) }
    }

    private func counter(
        _ name: PrometheusExporter.Name, _ serviceId: String, _ outcome: String?, label: String = "outcome",
        _ counts: inout Counts
    ) -> CoreMetrics.Counter {
        let key = Key(name: name.name, serviceId: serviceId, outcome: outcome)
        if let existing = counts.counters[key] { return existing }
        var labels = [("service", serviceId)]
        if let outcome { labels.append((label, outcome)) }
        let made = exporter.counter(name, labels)
        counts.counters[key] = made
        return made
    }

    private func histogram(
        _ name: PrometheusExporter.Name, _ serviceId: String, _ cache: inout [String: CoreMetrics.Recorder]
    ) -> CoreMetrics.Recorder {
        if let existing = cache[serviceId] { return existing }
        let buckets = name.name == Self.wait.name ? Self.waitBuckets : Self.serviceBuckets
        let made = exporter.histogram(name, [("service", serviceId)], buckets: buckets)
        cache[serviceId] = made
        return made
    }

    private func gauge(_ prefix: String, _ counts: inout Counts) -> CoreMetrics.Meter {
        if let existing = counts.gauges[prefix] { return existing }
        let made = exporter.gauge(Self.waitingNow, [("queue", prefix)])
        counts.gauges[prefix] = made
        return made
    }
}
