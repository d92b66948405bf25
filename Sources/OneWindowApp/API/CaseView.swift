import Foundation
import OneWindowCore

/// A case as the API shows it: its service, state and every visit.
struct CaseView: Encodable {
    struct Missing: Encodable {
        var id: String
        var name: String
    }

    /// One ticket of the case. No-shows and expired tickets are listed but are not visits made.
    struct Visit: Encodable {
        /// Nil for kiosks: a ticket's id is its holder's.
        var ticketId: String?
        var number: String
        var hallDay: String
        var issuedAt: String
        var calledAt: String?
        var endedAt: String?
        var window: String?
        var status: String
        var outcome: String?
        var missingMaterials: [Missing]
        var note: String?
    }

    var id: String
    var serviceId: String
    var serviceName: String?
    var state: String
    var openedAt: String
    var closedAt: String?
    var cancelledAt: String?
    var cancelReason: String?
    /// Visits made: tickets that ended at a window.
    var visitsMade: Int
    var visits: [Visit]

    init(_ record: CaseRecord, visits tickets: [Ticket], catalogue: Catalogue, forKiosk: Bool) {
        // An id the catalogue renamed since (`replaces`) still finds its service and materials.
        let service = catalogue.service(replacing: record.serviceId)
        id = record.id
        serviceId = record.serviceId
        serviceName = service?.name
        state = record.state.rawValue
        openedAt = Timestamp.iso8601(record.openedAt)
        closedAt = record.state == .closed ? record.endedAt.map(Timestamp.iso8601) : nil
        cancelledAt = record.state == .cancelled ? record.endedAt.map(Timestamp.iso8601) : nil
        cancelReason = forKiosk ? nil : record.cancelReason
        visitsMade = record.visits
        visits = tickets.map { ticket in
            let visited = catalogue.service(replacing: ticket.serviceId)
            return Visit(
                ticketId: forKiosk ? nil : ticket.id, number: ticket.number, hallDay: ticket.hallDay,
                issuedAt: Timestamp.iso8601(ticket.issuedAt), calledAt: ticket.calledAt.map(Timestamp.iso8601),
                endedAt: ticket.endedAt.map(Timestamp.iso8601), window: ticket.window, status: ticket.status.rawValue,
                outcome: ticket.outcome,
                missingMaterials: ticket.missingMaterials.map { id in
                    Missing(id: id, name: visited?.material(replacing: id)?.name ?? id)
                },
                note: forKiosk ? nil : ticket.note)
        }
    }
}

/// An evaluation as the API shows it, with its follow-up state.
struct EvaluationView: Encodable {
    var id: String
    /// Absent from a kiosk's rating answer: the id opens the ticket's page (the receipt's QR
    /// code), and a kiosk knows the visit only by its number and code.
    var ticketId: String?
    var number: String?
    var caseId: String?
    var serviceId: String
    var hallDay: String
    var rating: Int
    /// 非常满意 … 非常不满意.
    var level: String
    var comment: String?
    var at: String
    /// A rating of 2 or less: it must be rectified by `rectifyBy`.
    var bad: Bool
    var rectifyBy: String?
    var rectifiedAt: String?
    var rectification: String?
    /// A bad review not rectified by its deadline.
    var overdue: Bool
    /// `pad`, `phone` or `kiosk`: how the rating came.
    var channel: String
    /// `EvaluationReason` ids, for a bad review.
    var reasons: [String]
    // A bad review's follow-up: its state, the latest note, the visit-back.
    var followUpState: String?
    var progressNote: String?
    var visitBackResult: String?
    var visitedBackAt: String?

    init(_ evaluation: Evaluation, number: String?, today: String) {
        id = evaluation.id
        ticketId = evaluation.ticketId
        self.number = number
        caseId = evaluation.caseId
        serviceId = evaluation.serviceId
        hallDay = evaluation.hallDay
        rating = evaluation.rating
        level = Evaluation.levels[evaluation.rating] ?? ""
        comment = evaluation.comment
        at = Timestamp.iso8601(evaluation.at)
        bad = evaluation.isBad
        rectifyBy = evaluation.rectifyBy
        rectifiedAt = evaluation.rectifiedAt.map(Timestamp.iso8601)
        rectification = evaluation.rectification
        overdue = evaluation.isOverdue(today: today)
        channel = evaluation.channel.rawValue
        reasons = evaluation.reasons
        followUpState = evaluation.followUpState?.rawValue
        progressNote = evaluation.progressNote
        visitBackResult = evaluation.visitBackResult
        visitedBackAt = evaluation.visitedBackAt.map(Timestamp.iso8601)
    }
}
