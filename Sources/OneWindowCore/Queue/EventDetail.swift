import Foundation

/// The facts an event carries beyond its columns, stored as JSON in `queue_event.detail`, so
/// the metrics can be computed again from the event log alone.
public struct EventDetail: Sendable, Equatable, Codable {
    /// `issued`: the ticket opened its case (a first visit).
    public var opened: Bool?
    /// `completed`, `case_closed`: how the visit ended.
    public var outcome: String?
    /// `completed` with `needs_more`: the material ids named missing.
    public var missing: [String]?
    /// `transferred`: the service left and the one taken.
    public var from: String?
    public var to: String?
    /// `case_closed`: the visits made, and the visits the service promised at most.
    public var visits: Int?
    public var promised: Int?
    /// `case_cancelled`: why.
    public var reason: String?
    /// `evaluated`: the rating, the evaluation's id and, for a bad review, the day it must be
    /// rectified by; `rectified`: the evaluation's id.
    public var rating: Int?
    public var evaluation: String?
    public var due: String?
    /// `evaluated`: how the rating came (pad, phone, kiosk) and, for a bad one, its reasons' ids;
    /// `issued`: the ticket's channel (`appointment`, `remote`; absent for a walk-in).
    public var channel: String?
    public var reasons: [String]?
    /// `followed_up`: which step (`note` or `visited_back`).
    public var step: String?

    public init(
        opened: Bool? = nil, outcome: String? = nil, missing: [String]? = nil, from: String? = nil, to: String? = nil,
        visits: Int? = nil,
        promised: Int? = nil, reason: String? = nil, rating: Int? = nil, evaluation: String? = nil, due: String? = nil
    ) {
        self.opened = opened
        self.outcome = outcome
        self.missing = missing
        self.from = from
        self.to = to
        self.visits = visits
        self.promised = promised
        self.reason = reason
        self.rating = rating
        self.evaluation = evaluation
        self.due = due
    }

    /// The detail of a first visit's `issued` event, encoded once: it is written for most tickets.
    public static let openedJSON = EventDetail(opened: true).json

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Reads a stored detail; details from before they were JSON were the bare outcome of a
    /// completion, or `from -> to` of a transfer.
    public static func parse(_ text: String?) -> EventDetail {
        guard let text, !text.isEmpty else { return EventDetail() }
        if text.hasPrefix("{"), let detail = try? JSONDecoder().decode(EventDetail.self, from: Data(text.utf8)) {
            return detail
        }
        let parts = text.components(separatedBy: " -> ")
        if parts.count == 2 { return EventDetail(from: parts[0], to: parts[1]) }
        return EventDetail(outcome: text)
    }
}
