import Foundation
import OneWindowCore

/// What a new catalogue would break for applicants already in the hall's hands. A reload that
/// removes a service with open cases or open tickets strands them (a return visit got 404),
/// and one that drops a material id an open case was told it lacks leaves the case naming
/// `m2` instead of the material. Such a reload is refused, naming the cases and tickets, and
/// the previous catalogue keeps serving, unless the new file maps the old id with `replaces`
/// on the service or material that takes its place.
enum CatalogueReloadCheck {
    /// The issues, empty when nothing open depends on what the new catalogue drops.
    /// - Parameters:
    ///   - openCases: the open cases' ids per service, of at least the services `servicesToCheck`
    ///     names (`Storage.openCaseIds(services:)`: the queue holds only today's cases).
    ///   - missing: the material ids each open case lacks (`Storage.openCaseMissingMaterials`).
    static func issues(
        from old: Catalogue, to new: Catalogue, queue: HallQueue, openCases: [String: [String]],
        missing: [(caseId: String, serviceId: String, materials: [String])]
    ) -> [CatalogueIssue] {
        let kept = Set(new.services.map(\.id))
        var issues: [CatalogueIssue] = []
        for service in old.services where !kept.contains(service.id) {
            if let successor = new.service(replacing: service.id) {
                issues += calledTickets(of: service.id, replacedBy: successor.id, in: queue)
                continue
            }
            let cases = openCases[service.id] ?? []
            let tickets = queue.tickets.values.filter { $0.serviceId == service.id && !$0.status.isFinal }
                .sorted(by: Ticket.isServedBefore).map(\.number)
            guard !cases.isEmpty || !tickets.isEmpty else { continue }
            issues.append(
                CatalogueIssue(
                    path: "services",
                    reason: "service “\(service.id)” (\(service.name)) is gone, but "
                        + naming(cases: cases, tickets: tickets)
                        + " are for it; keep it until they end, name its id in the new service's replaces,"
                        + " or cancel the cases and end the tickets first"))
        }
        return issues + hallChannelIssues(to: new, queue: queue, openCases: openCases)
            + materialIssues(to: new, missing: missing)
    }

    /// The services whose open cases `issues` needs: those the new file drops, and those it no
    /// longer receives in the hall.
    static func servicesToCheck(from old: Catalogue, to new: Catalogue) -> [String] {
        let kept = Set(new.services.map(\.id))
        return old.services.map(\.id).filter { !kept.contains($0) }
            + new.services.filter { !$0.receivedInHall }.map(\.id)
    }

    /// A service kept but no longer received by the hall (its hall channel dropped) would leave
    /// its waiting tickets and the return visits of its open cases with nowhere to go.
    private static func hallChannelIssues(to new: Catalogue, queue: HallQueue, openCases: [String: [String]])
        -> [CatalogueIssue]
    {
        new.services.enumerated().compactMap { index, service -> CatalogueIssue? in
            guard !service.receivedInHall else { return nil }
            let cases = openCases[service.id] ?? []
            let tickets = queue.tickets.values.filter { $0.serviceId == service.id && !$0.status.isFinal }
                .sorted(by: Ticket.isServedBefore).map(\.number)
            guard !cases.isEmpty || !tickets.isEmpty else { return nil }
            return CatalogueIssue(
                path: "services[\(index)].channels",
                reason: "service “\(service.id)” (\(service.name)) would no longer be received in the hall, but "
                    + naming(cases: cases, tickets: tickets)
                    + " are for it; keep its hall channel until they end, or cancel the cases and end the tickets first"
            )
        }
    }

    /// A renamed service's waiting tickets move on reload, but one called to a window cannot
    /// move under the clerk: the reload waits until it ends.
    private static func calledTickets(of serviceId: String, replacedBy successor: String, in queue: HallQueue)
        -> [CatalogueIssue]
    {
        let called = queue.tickets.values.filter { $0.serviceId == serviceId && $0.status == .called }
            .sorted(by: Ticket.isServedBefore).map { "\($0.number) (window \($0.window ?? "?"))" }
        guard !called.isEmpty else { return [] }
        return [
            CatalogueIssue(
                path: "services",
                reason: "service “\(serviceId)” is replaced by “\(successor)”, but tickets \(list(called))"
                    + " are being served for it; reload once they end")
        ]
    }

    /// Materials open cases lack that the new file has neither under their id nor in a `replaces`.
    private static func materialIssues(
        to new: Catalogue, missing: [(caseId: String, serviceId: String, materials: [String])]
    ) -> [CatalogueIssue] {
        let index = Dictionary(new.services.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var lacking: [String: [String: Set<String>]] = [:]  // service → material → cases
        for entry in missing {
            for material in entry.materials {
                lacking[entry.serviceId, default: [:]][material, default: []].insert(entry.caseId)
            }
        }
        var issues: [CatalogueIssue] = []
        for (serviceId, materials) in lacking.sorted(by: { $0.key < $1.key }) {
            // A gone service is reported by the caller; a renamed one is checked under its new id.
            guard let successor = new.service(replacing: serviceId), let at = index[successor.id] else { continue }
            for (material, cases) in materials.sorted(by: { $0.key < $1.key })
            where successor.material(replacing: material) == nil {
                issues.append(
                    CatalogueIssue(
                        path: "services[\(at)].materials",
                        reason: "material “\(material)” of service “\(serviceId)” is gone, but open cases "
                            + list(cases.sorted())
                            + " were told to bring it; keep its id, or name it in the new material's replaces"))
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
