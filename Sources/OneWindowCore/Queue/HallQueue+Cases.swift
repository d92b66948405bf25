import Foundation

extension HallQueue {
    /// Counts a visit that ended at a window (`complete`) against its case, and closes the case
    /// when the outcome does (办结): `completed`, `accepted`, `rejected`; `needs_more` keeps it
    /// open for the next visit.
    mutating func endVisit(of ticket: Ticket, outcome: VisitOutcome, actor: String, at now: Date) {
        guard let caseId = ticket.caseId, var visit = cases[caseId], visit.state == .open else { return }
        visit.visits += 1
        guard outcome.closesCase else {
            record(visit, nil, actor: actor, at: now)
            return
        }
        visit.state = .closed
        visit.endedAt = now
        // A case at the hall is measured against the hall's promise.
        let promised = catalogue.service(id: visit.serviceId)?.visitsPromised.hall
        record(
            visit, .caseClosed, actor: actor, at: now,
            detail: EventDetail(outcome: outcome.rawValue, visits: visit.visits, promised: promised))
    }

    /// Cancels an open case (the applicant withdrew, or it was opened by mistake). A cancelled
    /// case is not counted as closed. A case with a ticket still waiting or called cannot be
    /// cancelled: end that visit first.
    mutating func cancelCase(_ id: String, stored: CaseRecord?, reason: String, actor: String, at now: Date)
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

    /// Rates a visit that ended today (好差评): once per visit, 1 to 5, by one of the three
    /// channels (`Rater`); a ticket number alone is never enough. A bad review (2 or less) must
    /// name at least one reason and gets its deadline: `Evaluation.rectifyWorkingDays` working
    /// days. Reasons sent with a good rating are dropped: they are asked after a bad one only.
    ///
    /// The rater's right is checked before the visit's state, so a wrong code learns nothing of
    /// the ticket (whether it ended, whether it was rated).
    mutating func evaluate(
        ticket reference: String, rating: Int, reasons: [String] = [], comment: String?, by rater: Rater,
        workingDays: WorkingDays, actor: String, at now: Date
    ) throws(QueueError) -> Evaluation {
        rollOver(to: now)
        guard (1...5).contains(rating) else { throw .ratingOutOfRange(rating) }
        if let unknown = reasons.first(where: { EvaluationReason.named($0) == nil }) { throw .unknownReason(unknown) }
        guard rating > 2 || !reasons.isEmpty else { throw .reasonsRequired }
        let found: Ticket? =
            switch rater {
            case .phone: tickets[reference]
            case .pad, .kiosk: tickets[reference] ?? ticket(numbered: reference)
            }
        guard let ticket = found else { throw .ticketNotFound(reference) }
        switch rater {
        case .pad(let window):
            guard ticket.window == window else { throw .wrongWindow(ticket: ticket.number, window: window) }
        case .kiosk(let hash):
            guard let stored = ticket.evaluationCodeHash, constantTimeEqual(stored, hash(ticket.id)) else {
                throw .evaluationCodeInvalid(ticket: ticket.number)
            }
        case .phone: break
        }
        guard ticket.status == .completed else { throw .visitNotEnded(ticket: ticket.number, status: ticket.status) }
        guard !evaluated.contains(ticket.id) else { throw .alreadyEvaluated(ticket.number) }
        if case .pad = rater, let ended = ticket.endedAt, now.timeIntervalSince(ended) > Rater.padSeconds {
            throw .evaluationTooLate(ticket: ticket.number, minutes: Int(Rater.padSeconds / 60))
        }
        let kept = rating <= 2 ? EvaluationReason.all.map(\.id).filter(reasons.contains) : []
        evaluationSequence += 1
        let evaluation = Evaluation(
            id: Evaluation.id(day: day, sequence: evaluationSequence), ticketId: ticket.id, caseId: ticket.caseId,
            serviceId: ticket.serviceId, hallDay: day, rating: rating,
            comment: comment?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty, at: now,
            rectifyBy: rating <= 2 ? workingDays.adding(Evaluation.rectifyWorkingDays, to: day) : nil,
            channel: rater.channel, reasons: kept)
        evaluated.insert(ticket.id)
        changes.evaluations[evaluation.id] = evaluation
        var detail = EventDetail(rating: rating, evaluation: evaluation.id, due: evaluation.rectifyBy)
        detail.channel = rater.channel.rawValue
        detail.reasons = kept.isEmpty ? nil : kept
        changes.events.append(
            QueueEvent(
                kind: .evaluated, ticketId: ticket.id, window: ticket.window, serviceId: ticket.serviceId,
                caseId: ticket.caseId, hallDay: day, actor: actor, at: now, detail: detail.json))
        return evaluation
    }

    /// Moves a bad review's follow-up on: a note (待整改 or 整改中 → 整改中), what was done
    /// (→ 已整改, once), or the applicant's answer when visited back (已整改 → 已回访, once).
    /// Every step needs its text; each is an event, so the outbox tells the province of it.
    mutating func followUp(_ stored: Evaluation?, id: String, step: FollowUpStep, actor: String, at now: Date)
        throws(QueueError) -> Evaluation
    {
        rollOver(to: now)
        guard var evaluation = stored else { throw .evaluationNotFound(id) }
        guard evaluation.isBad else { throw .notABadReview(id) }
        let kind: QueueEvent.Kind
        var detail = EventDetail(evaluation: evaluation.id)
        switch step {
        case .note(let text):
            guard evaluation.rectifiedAt == nil else { throw .alreadyRectified(id) }
            evaluation.progressNote = try Self.required(text)
            evaluation.progressAt = now
            (kind, detail.step) = (.followedUp, "note")
        case .rectified(let text):
            guard evaluation.rectifiedAt == nil else { throw .alreadyRectified(id) }
            evaluation.rectification = try Self.required(text)
            evaluation.rectifiedAt = now
            kind = .rectified
        case .visitedBack(let text):
            guard evaluation.rectifiedAt != nil else { throw .notRectifiedYet(id) }
            guard evaluation.visitedBackAt == nil else { throw .alreadyVisitedBack(id) }
            evaluation.visitBackResult = try Self.required(text)
            evaluation.visitedBackAt = now
            (kind, detail.step) = (.followedUp, "visited_back")
        }
        changes.evaluations[evaluation.id] = evaluation
        changes.events.append(
            QueueEvent(
                kind: kind, ticketId: evaluation.ticketId, window: nil, serviceId: evaluation.serviceId,
                caseId: evaluation.caseId, hallDay: day, actor: actor, at: now, detail: detail.json))
        return evaluation
    }

    /// `text` trimmed, or `noteRequired` when nothing is left.
    private static func required(_ text: String) throws(QueueError) -> String {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .noteRequired }
        return text
    }

    /// Today's ticket with this number (`A012`, any case of letter).
    public func ticket(numbered number: String) -> Ticket? {
        let wanted = number.uppercased()
        return tickets.values.first { $0.hallDay == day && $0.number == wanted }
    }
}
