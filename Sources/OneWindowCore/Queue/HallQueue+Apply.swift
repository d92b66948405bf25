import Foundation

extension HallQueue {
    /// Applies one command: every change to the queue, its windows, cases and reviews starts
    /// here, in this one switch. Each case names the transition that checks and makes the
    /// change (tickets and windows in `HallQueue+Commands`, cases and reviews in
    /// `HallQueue+Cases`); the returned changes hold the rows and events it recorded.
    ///
    /// - Parameters:
    ///   - actor: the device (or `system`, `catalogue`) that sent the command, for the events.
    ///   - stored: what the command names that memory may not hold, read by the caller
    ///     (`QueueCommand.storedCaseId`, `storedEvaluationId`).
    public mutating func apply(
        _ command: QueueCommand, by actor: String, at now: Date, stored: StoredRecords = StoredRecords()
    ) -> AppliedCommand {
        let outcome: Result<QueueOutcome, QueueError>
        do throws(QueueError) {
            outcome = .success(try change(command, by: actor, at: now, stored: stored))
        } catch {
            outcome = .failure(error)
        }
        return AppliedCommand(outcome: outcome, changes: takeChanges())
    }

    private mutating func change(_ command: QueueCommand, by actor: String, at now: Date, stored: StoredRecords)
        throws(QueueError) -> QueueOutcome
    {
        switch command {
        case .issue(let order):
            let ticket = try issue(
                id: order.id, serviceId: order.serviceId, priority: order.priority,
                visiting: order.caseId.map { ($0, stored.caseRecord) }, actor: actor, at: now)
            guard let code = order.code else { return .ticket(ticket) }
            return .ticket(setEvaluationCode(hash: code.hash(for: ticket.id), ticket: ticket.id) ?? ticket)
        case .renewEvaluationCode(let id, let code):
            // Not today's, or rated already: the ticket keeps the code it has.
            return replaceEvaluationCode(hash: code.hash(for: id), ticket: id).map(QueueOutcome.ticket) ?? .done
        case .callNext(let window):
            return try callNext(window: window, actor: actor, at: now).map(QueueOutcome.ticket) ?? .nothingWaiting
        case .recall(let window):
            return .ticket(try recall(window: window, actor: actor, at: now))
        case .noShow(let id, let window):
            return .ticket(try noShow(ticket: id, window: window, actor: actor, at: now))
        case .transfer(let id, let window, let serviceId):
            return .ticket(try transfer(ticket: id, window: window, to: serviceId, actor: actor, at: now))
        case .complete(let id, let window, let visitOutcome, let missing, let note):
            return .ticket(
                try complete(
                    ticket: id, window: window, outcome: visitOutcome, missingMaterials: missing, note: note,
                    actor: actor, at: now))
        case .pause(let window, let paused):
            return .window(try setPaused(paused, window: window, actor: actor, at: now))
        case .closeDay:
            return .expired(closeDay(actor: actor, at: now))
        case .rollOver:
            rollOver(to: now)
            return .done
        case .cancelCase(let id, let reason):
            return .caseRecord(try cancelCase(id, stored: stored.caseRecord, reason: reason, actor: actor, at: now))
        case .evaluate(let rating):
            return .evaluation(
                try evaluate(
                    ticket: rating.reference, rating: rating.rating, reasons: rating.reasons,
                    comment: rating.comment, by: rating.rater, workingDays: catalogue.hall.workingDays,
                    actor: actor, at: now))
        case .followUp(let id, let step):
            return .evaluation(try followUp(stored.evaluation, id: id, step: step, actor: actor, at: now))
        case .moveToReplacements:
            let moved = moveToReplacements(stored: stored.openCases, actor: actor, at: now)
            return .moved(tickets: moved.tickets, cases: moved.cases)
        case .book(let order):
            return .booking(try book(order, at: now))
        case .cancelBooking(let code, let phoneKey):
            return .booking(try cancelBooking(code, phoneKey: phoneKey, at: now))
        case .checkIn(let order):
            return .checkedIn(try checkIn(order, by: actor, stored: stored.caseRecord, at: now))
        case .takeRemote(let order):
            return .ticket(try takeRemote(order, by: actor, at: now))
        }
    }
}
