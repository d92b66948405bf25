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
