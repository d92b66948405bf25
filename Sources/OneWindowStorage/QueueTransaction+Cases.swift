import Foundation
import GRDB
import OneWindowCore

extension Evaluation: FetchableRecord, TableRecord {
    public static let databaseTableName = "evaluation"

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy { .sqliteText }
}

extension QueueTransaction {
    func writeCases(_ cases: some Collection<CaseRecord>) throws {
        guard !cases.isEmpty else { return }
        let upsert = try db.cachedStatement(
            sql: """
                INSERT INTO case_record (id, service_id, opened_at, state, ended_at, cancel_reason, visits)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET service_id = excluded.service_id, state = excluded.state,
                    ended_at = excluded.ended_at, cancel_reason = excluded.cancel_reason, visits = excluded.visits
                """)
        for record in cases {
            try upsert.execute(arguments: [
                record.id, record.serviceId, Timestamp.sqlite(record.openedAt), record.state.rawValue,
                record.endedAt.map(Timestamp.sqlite), record.cancelReason, record.visits,
            ])
        }
    }

    func writeEvaluations(_ evaluations: some Collection<Evaluation>) throws {
        guard !evaluations.isEmpty else { return }
        let upsert = try db.cachedStatement(
            sql: """
                INSERT INTO evaluation (id, ticket_id, case_id, service_id, hall_day, rating, comment, at, rectify_by,
                    rectified_at, rectification, channel, reasons, progress_note, progress_at, visited_back_at,
                    visit_back_result)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET rectified_at = excluded.rectified_at,
                    rectification = excluded.rectification, progress_note = excluded.progress_note,
                    progress_at = excluded.progress_at, visited_back_at = excluded.visited_back_at,
                    visit_back_result = excluded.visit_back_result
                """)
        for evaluation in evaluations {
            try upsert.execute(arguments: [
                evaluation.id, evaluation.ticketId, evaluation.caseId, evaluation.serviceId, evaluation.hallDay,
                evaluation.rating, evaluation.comment, Timestamp.sqlite(evaluation.at), evaluation.rectifyBy,
                evaluation.rectifiedAt.map(Timestamp.sqlite), evaluation.rectification,
                evaluation.channel.rawValue, Self.jsonArray(evaluation.reasons), evaluation.progressNote,
                evaluation.progressAt.map(Timestamp.sqlite), evaluation.visitedBackAt.map(Timestamp.sqlite),
                evaluation.visitBackResult,
            ])
        }
    }

    /// A case as stored, whatever its state, with its tickets in order.
    public func caseRecord(id: String) throws -> CaseRecord? {
        try Self.cases(db, where: "id = ?", [id]).first
    }

    /// An evaluation as stored.
    public func evaluation(id: String) throws -> Evaluation? {
        try Evaluation.fetchOne(db, key: id)
    }

    /// Cases matching `condition`, each with the ids of its tickets in issue order.
    static func cases(_ db: Database, where condition: String, _ arguments: StatementArguments) throws
        -> [CaseRecord]
    {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM case_record WHERE \(condition)", arguments: arguments)
        guard !rows.isEmpty else { return [] }
        let ids = rows.map { $0["id"] as String }
        var tickets: [String: [String]] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let pairs = try Row.fetchAll(
                db,
                sql:
                    "SELECT id, case_id FROM ticket WHERE case_id IN (\(marks)) ORDER BY issued_at, hall_day, sequence",
                arguments: StatementArguments(chunk))
            for pair in pairs { tickets[pair["case_id"], default: []].append(pair["id"]) }
        }
        return rows.map { row in
            CaseRecord(
                id: row["id"], serviceId: row["service_id"], openedAt: row["opened_at"],
                state: CaseRecord.State(rawValue: row["state"]) ?? .open, endedAt: row["ended_at"],
                cancelReason: row["cancel_reason"], ticketIds: tickets[row["id"]] ?? [], visits: row["visits"])
        }
    }
}

extension Storage {
    /// A case with its tickets (visits), for `GET /api/v1/cases/{id}`.
    public func caseWithVisits(id: String) throws -> (CaseRecord, [Ticket])? {
        try writer.read { db in
            guard let record = try QueueTransaction.cases(db, where: "id = ?", [id]).first else { return nil }
            let tickets = try Ticket.filter(sql: "case_id = ?", arguments: [id]).order(
                sql: "issued_at, hall_day, sequence"
            )
            .fetchAll(db)
            return (record, tickets)
        }
    }

    /// Evaluations, newest first; only bad reviews when `bad` is true.
    public func evaluations(bad: Bool?, limit: Int = 1000) throws -> [Evaluation] {
        try writer.read { db in
            var request = Evaluation.order(sql: "at DESC, id DESC").limit(limit)
            if let bad { request = request.filter(sql: bad ? "rating <= 2" : "rating > 2") }
            return try request.fetchAll(db)
        }
    }

    /// Earlier visits' tickets of a case, for a clerk looking at its current ticket.
    public func tickets(caseId: String) throws -> [Ticket] {
        try writer.read { db in
            try Ticket.filter(sql: "case_id = ?", arguments: [caseId]).order(sql: "issued_at, hall_day, sequence")
                .fetchAll(db)
        }
    }
}
