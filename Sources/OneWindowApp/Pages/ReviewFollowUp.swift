import Foundation
import OneWindowCore
import OneWindowStorage

/// One bad review on the manager's page, with its visit's facts gathered from the database and
/// the catalogue, so the manager never has to look them up.
struct ReviewFollowUp {
    var evaluation: Evaluation
    var ticketNumber: String?
    var serviceName: String
    var windowName: String?
    /// The clerk terminal that ended the visit (办理终端).
    var terminal: String?
    /// From the ticket's issue to its call, in whole minutes.
    var waitMinutes: Int?
    var outcome: String?
    /// Names of the materials the clerk marked missing.
    var missing: [String]
    /// Past its deadline and not rectified.
    var overdue: Bool

    init(_ evaluation: Evaluation, visit: VisitFacts?, catalogue: Catalogue, today: String) {
        self.evaluation = evaluation
        let service = catalogue.service(id: evaluation.serviceId)
        serviceName = service?.name ?? evaluation.serviceId
        let ticket = visit?.ticket
        ticketNumber = ticket?.number
        windowName = ticket?.window.map { id in catalogue.hall.windows.first { $0.id == id }?.name ?? id }
        terminal = visit?.terminal
        waitMinutes = ticket.flatMap { ticket in
            ticket.calledAt.map { max(0, Int($0.timeIntervalSince(ticket.issuedAt) / 60)) }
        }
        outcome = ticket?.outcome.map(Self.outcomeName)
        missing = (ticket?.missingMaterials ?? []).map { id in
            service?.materials.first { $0.id == id }?.name ?? id
        }
        overdue = evaluation.isOverdue(today: today)
    }

    static func outcomeName(_ outcome: String) -> String {
        switch outcome {
        case "completed": "已办结"
        case "accepted": "已受理"
        case "needs_more": "需补正"
        case "rejected": "不予受理"
        default: outcome
        }
    }

    /// Overdue first, then by deadline, then the oldest.
    static func isBefore(_ a: ReviewFollowUp, _ b: ReviewFollowUp) -> Bool {
        if a.overdue != b.overdue { return a.overdue }
        let (dueA, dueB) = (a.evaluation.rectifyBy ?? "", b.evaluation.rectifyBy ?? "")
        if dueA != dueB { return dueA < dueB }
        return a.evaluation.at < b.evaluation.at
    }
}
