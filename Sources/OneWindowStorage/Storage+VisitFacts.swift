import Foundation
import GRDB
import OneWindowCore

/// What the hall knows of one visit beyond its ticket: the clerk terminal that ended it.
public struct VisitFacts: Sendable, Equatable {
    public var ticket: Ticket
    /// The device name on the visit's `completed` event (办理终端).
    public var terminal: String?

    public init(ticket: Ticket, terminal: String?) {
        self.ticket = ticket
        self.terminal = terminal
    }
}

extension QueueTransaction {
    /// The visit of ticket `id` as this transaction sees it (its own writes included).
    public func visitFacts(ticketId id: String) throws -> VisitFacts? {
        try Self.visitFacts(db, ticketId: id)
    }

    static func visitFacts(_ db: Database, ticketId id: String) throws -> VisitFacts? {
        guard let ticket = try Ticket.fetchOne(db, key: id) else { return nil }
        let terminal = try String.fetchOne(
            db.cachedStatement(
                sql: "SELECT actor FROM queue_event WHERE ticket_id = ? AND kind = 'completed' ORDER BY id DESC LIMIT 1"
            ),
            arguments: [id])
        return VisitFacts(ticket: ticket, terminal: terminal)
    }
}

extension Storage {
    /// Evaluations given on hall days `from` … `to` (inclusive), oldest first, each with its visit.
    public func evaluationsWithVisits(from: String, to: String) throws -> [(Evaluation, VisitFacts?)] {
        try writer.read { db in
            let evaluations = try Evaluation.filter(sql: "hall_day >= ? AND hall_day <= ?", arguments: [from, to])
                .order(sql: "at, id").fetchAll(db)
            return try evaluations.map { ($0, try QueueTransaction.visitFacts(db, ticketId: $0.ticketId)) }
        }
    }

    /// Bad reviews not yet visited back (the manager's follow-up list), each with its visit.
    public func badReviewsToFollowUp(limit: Int = 500) throws -> [(Evaluation, VisitFacts?)] {
        try writer.read { db in
            let evaluations = try Evaluation.filter(sql: "rating <= 2 AND visited_back_at IS NULL")
                .order(sql: "rectify_by, at, id").limit(limit).fetchAll(db)
            return try evaluations.map { ($0, try QueueTransaction.visitFacts(db, ticketId: $0.ticketId)) }
        }
    }
}

extension Storage {
    /// Bad reviews not rectified, and those of them past their deadline on hall day `today`.
    public func badReviewCounts(today: String) throws -> (open: Int, overdue: Int) {
        try writer.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*), COALESCE(SUM(rectify_by < ?), 0) FROM evaluation
                    WHERE rating <= 2 AND rectified_at IS NULL
                    """,
                arguments: [today])
            return (row?[0] ?? 0, row?[1] ?? 0)
        }
    }
}
