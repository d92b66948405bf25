import Foundation

/// One applicant's matter for one service (办件), across every visit it takes.
///
/// A first ticket opens it; each later ticket for it is its next visit. A visit that ends
/// `completed`, `accepted` or `rejected` closes it; `needs_more` (补正) keeps it open for the
/// applicant to come again. No-shows and expired tickets are not visits made.
public struct CaseRecord: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Equatable, Codable, CaseIterable {
        case open, closed, cancelled
    }

    /// `C20261128-0007`: the hall day it was opened and that day's sequence. Unique for ever,
    /// and short enough to read aloud at a window.
    public let id: String
    public let serviceId: String
    public let openedAt: Date
    public var state: State
    /// When it was closed or cancelled.
    public var endedAt: Date?
    /// Why a clerk cancelled it.
    public var cancelReason: String?
    /// Its tickets in the order they were issued; a visit's number is its place here.
    public var ticketIds: [String]
    /// Visits made: its tickets that ended at a window (completed with an outcome).
    public var visits: Int

    public init(
        id: String, serviceId: String, openedAt: Date, state: State = .open, endedAt: Date? = nil,
        cancelReason: String? = nil, ticketIds: [String] = [], visits: Int = 0
    ) {
        self.id = id
        self.serviceId = serviceId
        self.openedAt = openedAt
        self.state = state
        self.endedAt = endedAt
        self.cancelReason = cancelReason
        self.ticketIds = ticketIds
        self.visits = visits
    }

    /// The case number for `sequence` on hall day `day` (`2026-11-28`): `C20261128-0007`.
    public static func id(day: String, sequence: Int) -> String {
        let digits = String(sequence)
        return "C" + String(day.unicodeScalars.filter { $0 != "-" }) + "-"
            + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The sequence part of a case number of `day`, or nil for another day's.
    public static func sequence(of id: String, day: String) -> Int? {
        let prefix = "C" + String(day.unicodeScalars.filter { $0 != "-" }) + "-"
        guard id.hasPrefix(prefix) else { return nil }
        return Int(id.dropFirst(prefix.count))
    }
}

/// How a visit ended at the window.
public enum VisitOutcome: String, Sendable, Equatable, Codable, CaseIterable {
    /// 办结: finished at the window.
    case completed
    /// 受理: accepted complete; finishing it needs no further trip.
    case accepted
    /// 补正: a material was missing or faulty; the applicant must come again.
    case needsMore = "needs_more"
    /// 不予受理: refused, with a note saying why.
    case rejected

    /// Whether this outcome closes the case.
    public var closesCase: Bool { self != .needsMore }
}
