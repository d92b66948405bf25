import Foundation
import GRDB
import OneWindowCore

/// What a catalogue reload must not strand.
extension Storage {
    /// The material ids each open case was told it lacks (its `needs_more` visits), with the
    /// case's service: a reload that drops one of those ids would leave the case's checklist
    /// naming a material the guide no longer has.
    public func openCaseMissingMaterials() throws -> [(caseId: String, serviceId: String, materials: [String])] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.service_id, t.missing_materials FROM case_record c
                    JOIN ticket t ON t.case_id = c.id
                    WHERE c.state = 'open' AND t.missing_materials != '[]'
                    ORDER BY c.id
                    """)
            return rows.map { row in
                let text: String = row[2]
                let materials = (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
                return (caseId: row[0], serviceId: row[1], materials: materials)
            }
        }
    }
}

/// The open cases by service, through the partial index `case_record_open` (0014): the queue
/// holds only the cases of today's tickets in memory.
extension Storage {
    /// The ids of the open cases of `serviceIds`, per service, in id order.
    public func openCaseIds(services serviceIds: [String]) throws -> [String: [String]] {
        guard !serviceIds.isEmpty else { return [:] }
        return try writer.read { db in
            let marks = Array(repeating: "?", count: serviceIds.count).joined(separator: ",")
            var found: [String: [String]] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT service_id, id FROM case_record INDEXED BY case_record_open
                    WHERE state = 'open' AND service_id IN (\(marks)) ORDER BY service_id, id
                    """,
                arguments: StatementArguments(serviceIds))
            while let row = try rows.next() { found[row[0], default: []].append(row[1]) }
            return found
        }
    }

    /// Up to `limit` ids of open cases whose service is none of `serviceIds`, in id order (the
    /// warning at start about cases the catalogue stranded).
    public func openCaseIds(outside serviceIds: [String], limit: Int) throws -> [String] {
        try writer.read { db in
            let marks = Array(repeating: "?", count: serviceIds.count).joined(separator: ",")
            return try String.fetchAll(
                db,
                sql: """
                    SELECT id FROM case_record INDEXED BY case_record_open
                    WHERE state = 'open' AND service_id NOT IN (\(marks)) ORDER BY id LIMIT ?
                    """,
                arguments: StatementArguments(serviceIds) + [limit])
        }
    }
}

extension QueueTransaction {
    /// The open cases of `serviceIds` with their tickets: what a catalogue reload moves to the
    /// services that replace them (`QueueCommand.moveToReplacements`).
    public func openCases(services serviceIds: [String]) throws -> [CaseRecord] {
        guard !serviceIds.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: serviceIds.count).joined(separator: ",")
        return try Self.cases(
            db, where: "state = 'open' AND service_id IN (\(marks))", StatementArguments(serviceIds))
    }
}
