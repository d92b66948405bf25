import Foundation

/// One event of a hall's log as the city receives it: what the metrics fold reads, and nothing
/// that could name or reach a person. The actor (a device's name), the window, a cancellation's
/// reason, a bad rating's reasons and a follow-up's step stay in the hall; the detail
/// keeps only the fields `MetricsBook.apply` reads (see `foldDetail`).
public struct CityEvent: Sendable, Equatable, Codable {
    /// The event's id in the hall's log: the city keys each event by (hall, seq).
    public var seq: Int64
    public var kind: QueueEvent.Kind
    public var ticketId: String?
    public var serviceId: String?
    public var caseId: String?
    public var hallDay: String?
    /// Seconds since 2001-01-01 UTC, `Date`'s own count: it crosses JSON and PostgreSQL's
    /// `double precision` unchanged, so the city's waits are the hall's to the millisecond.
    public var at: Double
    /// The fold's fields of the detail as JSON, or nil.
    public var detail: String?

    public init(
        seq: Int64, kind: QueueEvent.Kind, ticketId: String?, serviceId: String?, caseId: String?,
        hallDay: String?, at: Double, detail: String?
    ) {
        self.seq = seq
        self.kind = kind
        self.ticketId = ticketId
        self.serviceId = serviceId
        self.caseId = caseId
        self.hallDay = hallDay
        self.at = at
        self.detail = detail
    }

    /// The hall's stored event `id`, stripped to what the city may know.
    public init(seq: Int64, _ event: QueueEvent) {
        self.init(
            seq: seq, kind: event.kind, ticketId: event.ticketId, serviceId: event.serviceId, caseId: event.caseId,
            hallDay: event.hallDay, at: event.at.timeIntervalSinceReferenceDate, detail: Self.foldDetail(event.detail))
    }

    /// The event for the fold (`MetricsBook.apply`); its actor is `hall`, its window unknown.
    public var event: QueueEvent {
        QueueEvent(
            kind: kind, ticketId: ticketId, window: nil, serviceId: serviceId, caseId: caseId, hallDay: hallDay,
            actor: "hall", at: Date(timeIntervalSinceReferenceDate: at), detail: detail)
    }

    /// The detail's fields that the fold reads, as JSON; nil when none is left. Free text (a
    /// cancellation's reason), a bad rating's reasons and a follow-up's step are dropped.
    public static func foldDetail(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        let full = EventDetail.parse(text)
        var kept = EventDetail(
            opened: full.opened, outcome: full.outcome, missing: full.missing, from: full.from, to: full.to,
            visits: full.visits, promised: full.promised, rating: full.rating, evaluation: full.evaluation,
            due: full.due)
        // How a rating or a ticket came (pad, phone, kiosk; appointment, remote): the fold
        // counts ratings by it, and it names no one.
        kept.channel = full.channel
        return kept == EventDetail() ? nil : kept.json
    }
}

/// `POST /api/v1/halls/{hallId}/events`: events that follow the event `after` in the hall's
/// log, oldest first. The city stores those after the last it holds and answers `CityAck`.
public struct CityEventBatch: Sendable, Equatable, Codable {
    /// The seq of the event just before the first in `events` (0 before the first event).
    public var after: Int64
    public var events: [CityEvent]

    public init(after: Int64, events: [CityEvent]) {
        self.after = after
        self.events = events
    }
}

/// The city's answer to a batch: the highest seq up to which it holds every event of the hall,
/// and how many events of the batch were new. The hall sends from `held` on next.
public struct CityAck: Sendable, Equatable, Codable {
    public var held: Int64
    public var stored: Int

    public init(held: Int64, stored: Int) {
        self.held = held
        self.stored = stored
    }
}
