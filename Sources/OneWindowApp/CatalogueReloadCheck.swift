import Foundation
import OneWindowCore

/// What a new catalogue would break for applicants already in the hall's hands. A reload that
/// removes a service with open cases or open tickets strands them (a return visit got 404),
/// and one that drops a material id an open case was told it lacks leaves the case naming
/// `m2` instead of the material. Such a reload is refused, naming the cases and tickets, and
/// the previous catalogue keeps serving.
enum CatalogueReloadCheck {
    /// The issues, empty when nothing open depends on what the new catalogue drops.
    /// - Parameter missing: the material ids each open case lacks (`Storage.openCaseMissingMaterials`).
    static func issues(
        from old: Catalogue, to new: Catalogue, queue: HallQueue,
        missing: [(caseId: String, serviceId: String, materials: [String])]
    ) -> [CatalogueIssue] {
        let kept = Set(new.services.map(\.id))
        var issues: [CatalogueIssue] = []
        for service in old.services where !kept.contains(service.id) {
            let cases = queue.cases.values.filter { $0.serviceId == service.id && $0.state == .open }.map(\.id).sorted()
            let tickets = queue.tickets.values.filter { $0.serviceId == service.id && !$0.status.isFinal }
                .sorted(by: Ticket.isServedBefore).map(\.number)
            guard !cases.isEmpty || !tickets.isEmpty else { continue }
            issues.append(
                CatalogueIssue(
                    path: "services",
                    reason: "service “\(service.id)” (\(service.name)) is gone, but "
                        + Self.naming(cases: cases, tickets: tickets)
                        + " are for it; keep it until they end, or cancel the cases and end the tickets first"))
        }
        let newServices = Dictionary(
            new.services.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var lacking: [String: [String: [String]]] = [:]  // service → material → cases
        for entry in missing {
            for material in entry.materials {
                lacking[entry.serviceId, default: [:]][material, default: []].append(entry.caseId)
            }
        }
        for (serviceId, materials) in lacking.sorted(by: { $0.key < $1.key }) {
            guard let index = newServices[serviceId] else { continue }  // a gone service is reported above
            let ids = Set(new.services[index].materials.map(\.id))
            for (material, cases) in materials.sorted(by: { $0.key < $1.key }) where !ids.contains(material) {
                issues.append(
                    CatalogueIssue(
                        path: "services[\(index)].materials",
                        reason: "material “\(material)” of service “\(serviceId)” is gone, but open cases "
                            + Self.list(Array(Set(cases)).sorted())
                            + " were told to bring it; keep its id"))
            }
        }
        return issues
    }

    private static func naming(cases: [String], tickets: [String]) -> String {
        var parts: [String] = []
        if !cases.isEmpty { parts.append("open cases \(list(cases))") }
        if !tickets.isEmpty { parts.append("open tickets \(list(tickets))") }
        return parts.joined(separator: " and ")
    }

    /// At most 20 named, then how many more.
    private static func list(_ items: [String]) -> String {
        let shown = items.prefix(20).joined(separator: ", ")
        return items.count > 20 ? "\(shown) and \(items.count - 20) more" : shown
    }
}
