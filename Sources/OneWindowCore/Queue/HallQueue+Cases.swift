import Foundation

extension HallQueue {
    /// Cancels an open case (the applicant withdrew, or it was opened by mistake). A cancelled
    /// case is not counted as closed. A case with a ticket still waiting or called cannot be
    /// cancelled: end that visit first.
    public mutating func cancelCase(_ id: String, stored: CaseRecord?, reason: String, actor: String, at now: Date)
        throws(QueueError) -> CaseRecord
    {
        rollOver(to: now)
        guard var record = cases[id] ?? stored else { throw .caseNotFound(id) }
        switch record.state {
        case .closed: throw .caseClosed(id)
        case .cancelled: throw .caseCancelled(id)
        case .open: break
        }
        if let open = openTicket(of: record) { throw .caseVisitOpen(case: id, ticket: open.number) }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .reasonRequired }
        record.state = .cancelled
        record.endedAt = now
        record.cancelReason = reason
        self.record(record, .caseCancelled, actor: actor, at: now, detail: EventDetail(reason: reason))
        return record
    }

    /// Rates a visit that ended today (好差评): once per visit, 1 to 5. `ticket` is the ticket's
    /// id or its number today (A012), as the applicant types it from the printed ticket.
    /// A bad review (2 or less) gets its deadline: `Evaluation.rectifyWorkingDays` working days.
    public mutating func evaluate(
        ticket reference: String, rating: Int, comment: String?, workingDays: WorkingDays, actor: String, at now: Date
    ) throws(QueueError) -> Evaluation {
        rollOver(to: now)
        guard (1...5).contains(rating) else { throw .ratingOutOfRange(rating) }
        guard let ticket = tickets[reference] ?? ticket(numbered: reference) else {
            throw .ticketNotFound(reference)
        }
        guard ticket.status == .completed else { throw .visitNotEnded(ticket: ticket.number, status: ticket.status) }
        guard !evaluated.contains(ticket.id) else { throw .alreadyEvaluated(ticket.number) }
        evaluationSequence += 1
        let evaluation = Evaluation(
            id: Evaluation.id(day: day, sequence: evaluationSequence), ticketId: ticket.id, caseId: ticket.caseId,
            serviceId: ticket.serviceId, hallDay: day, rating: rating,
            comment: comment?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty, at: now,
            rectifyBy: rating <= 2 ? workingDays.adding(Evaluation.rectifyWorkingDays, to: day) : nil)
        evaluated.insert(ticket.id)
        changes.evaluations[evaluation.id] = evaluation
        changes.events.append(
            QueueEvent(
                kind: .evaluated, ticketId: ticket.id, window: ticket.window, serviceId: ticket.serviceId,
                caseId: ticket.caseId, hallDay: day, actor: actor, at: now,
                detail: EventDetail(rating: rating, evaluation: evaluation.id, due: evaluation.rectifyBy).json))
        return evaluation
    }

    /// Records what was done about a bad review (整改).
    public mutating func rectify(_ stored: Evaluation?, id: String, note: String, actor: String, at now: Date)
        throws(QueueError) -> Evaluation
    {
        rollOver(to: now)
        guard var evaluation = stored else { throw .evaluationNotFound(id) }
        guard evaluation.isBad else { throw .notABadReview(id) }
        guard evaluation.rectifiedAt == nil else { throw .alreadyRectified(id) }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw .noteRequired }
        evaluation.rectifiedAt = now
        evaluation.rectification = note
        changes.evaluations[evaluation.id] = evaluation
        changes.events.append(
            QueueEvent(
                kind: .rectified, ticketId: evaluation.ticketId, window: nil, serviceId: evaluation.serviceId,
                caseId: evaluation.caseId, hallDay: day, actor: actor, at: now,
                detail: EventDetail(evaluation: evaluation.id).json))
        return evaluation
    }

    /// Today's ticket with this number (`A012`, any case of letter).
    public func ticket(numbered number: String) -> Ticket? {
        let wanted = number.uppercased()
        return tickets.values.first { $0.hallDay == day && $0.number == wanted }
    }
}
