import Foundation

extension HallQueue {
    /// Issues a ticket (取号): the first visit of a new case, or with `visiting` the next visit
    /// of a case that is still open. Retries are the caller's to recognise (idempotency keys
    /// belong to the API): this always issues a new number.
    ///
    /// - Parameters:
    ///   - serviceId: the service; may be nil when `visiting` names the case (its service).
    ///   - visiting: the case number the applicant brought back, with the case as stored when
    ///     it is not among the queue's open cases (a case closed long ago, say).
    mutating func issue(
        id: String, serviceId: String?, priority: Bool, visiting: (id: String, stored: CaseRecord?)? = nil,
        channel: Ticket.Channel = .walkIn, actor: String, at now: Date
    ) throws(QueueError) -> Ticket {
        rollOver(to: now)
        var returning: CaseRecord?
        if let visiting {
            returning = try caseForVisit(visiting.id, stored: visiting.stored, serviceId: serviceId)
        }
        guard let serviceId = serviceId ?? returning?.serviceId else { throw .serviceNotFound("") }
        guard let service = catalogue.service(id: serviceId) else { throw .serviceNotFound(serviceId) }
        guard service.visitsPromised.hall != nil else { throw .notReceivedInHall(service.name) }
        guard !openWindows(serving: serviceId).isEmpty else { throw .serviceNotServed(service.name) }
        let opening = returning == nil
        var visit =
            returning
            ?? CaseRecord(id: CaseRecord.id(day: day, sequence: caseSequence + 1), serviceId: serviceId, openedAt: now)
        if opening { caseSequence += 1 }
        let sequence = (sequences[service.queuePrefix] ?? 0) + 1
        sequences[service.queuePrefix] = sequence
        let ticket = Ticket(
            id: id, hallDay: day, prefix: service.queuePrefix, sequence: sequence, serviceId: serviceId,
            priority: priority, issuedAt: now, caseId: visit.id, channel: channel)
        visit.ticketIds.append(id)
        // A new case is told by its first ticket's `issued` event, not an event of its own:
        // one row less for almost every ticket.
        record(visit, nil, actor: actor, at: now)
        record(ticket, .issued, actor: actor, at: now, encodedDetail: Self.issuedDetail(opening: opening, channel))
        return ticket
    }

    /// The open case a returning applicant's ticket may be the next visit of.
    private func caseForVisit(_ id: String, stored: CaseRecord?, serviceId: String?) throws(QueueError) -> CaseRecord {
        guard let found = cases[id] ?? stored else { throw .caseNotFound(id) }
        if let serviceId, serviceId != found.serviceId {
            throw .caseServiceMismatch(case: id, service: found.serviceId)
        }
        switch found.state {
        case .closed: throw .caseClosed(id)
        case .cancelled: throw .caseCancelled(id)
        case .open: break
        }
        if let open = openTicket(of: found) { throw .caseVisitOpen(case: id, ticket: open.number) }
        return found
    }

    /// The case's ticket still waiting or called, if any.
    func openTicket(of record: CaseRecord) -> Ticket? {
        record.ticketIds.lazy.compactMap { self.tickets[$0] }.first { !$0.status.isFinal }
    }

    /// Calls the next ticket to `window` (叫号): priority first, then appointments (`CallOrder`
    /// keeps them from starving walk-ins), then the earliest issued, across every service the
    /// window takes: one virtual queue. Nil when nothing waits for it.
    mutating func callNext(window windowId: String, actor: String, at now: Date) throws(QueueError) -> Ticket? {
        rollOver(to: now)
        let (window, state) = try windowAndState(windowId)
        guard !state.paused else { throw .windowPaused(windowId) }
        if let current = state.currentTicketId, let ticket = tickets[current], ticket.status == .called {
            throw .windowBusy(window: windowId, ticket: ticket.number)
        }
        guard var next = nextWaiting(for: window, at: now) else { return nil }
        next.status = .called
        next.window = windowId
        next.callCount = 1
        next.calledAt = now
        next.firstCalledAt = now
        record(next, .called, actor: actor, at: now)
        record(WindowState(id: windowId, paused: false, currentTicketId: next.id), nil, actor: actor, at: now)
        if !remoteTickets.isEmpty { noteRemoteTicketsNear(at: now) }
        return next
    }

    /// Calls the window's current ticket again.
    mutating func recall(window windowId: String, actor: String, at now: Date) throws(QueueError) -> Ticket {
        rollOver(to: now)
        let (_, state) = try windowAndState(windowId)
        guard let current = state.currentTicketId, var ticket = tickets[current], ticket.status == .called else {
            throw .noCurrentTicket(window: windowId)
        }
        ticket.callCount += 1
        ticket.calledAt = now
        record(ticket, .recalled, actor: actor, at: now)
        return ticket
    }

    /// Ends a called ticket whose applicant did not come, once it was called often enough and
    /// the applicant had `noShowAfter` seconds since the first call to reach the window: three
    /// calls in three seconds are no chance to come from the far end of the hall.
    mutating func noShow(ticket id: String, window windowId: String, actor: String, at now: Date)
        throws(QueueError) -> Ticket
    {
        rollOver(to: now)
        var ticket = try calledTicket(id, at: windowId)
        guard ticket.callCount >= callsBeforeNoShow else {
            throw .tooFewCalls(ticket: ticket.number, calls: ticket.callCount, needed: callsBeforeNoShow)
        }
        let left = secondsBeforeNoShow(ticket, at: now)
        guard left == 0 else { throw .tooSoonForNoShow(ticket: ticket.number, secondsLeft: left) }
        ticket.status = .noShow
        ticket.endedAt = now
        record(ticket, .noShow, actor: actor, at: now)
        releaseWindow(windowId, actor: actor, at: now)
        return ticket
    }

    /// Puts a called ticket back in the queue for another service. It keeps its issue time
    /// and number, so it is not sent to the back. Its case moves with it while no visit of the
    /// case has ended (the applicant chose the wrong service); a return visit cannot move.
    mutating func transfer(
        ticket id: String, window windowId: String, to serviceId: String, actor: String, at now: Date
    ) throws(QueueError) -> Ticket {
        rollOver(to: now)
        var ticket = try calledTicket(id, at: windowId)
        guard let service = catalogue.service(id: serviceId) else { throw .serviceNotFound(serviceId) }
        guard service.visitsPromised.hall != nil else { throw .notReceivedInHall(service.name) }
        guard !openWindows(serving: serviceId).isEmpty else { throw .serviceNotServed(service.name) }
        var moved: CaseRecord?
        if let caseId = ticket.caseId, let visit = cases[caseId] {
            guard visit.visits == 0 else { throw .caseHasVisits(case: caseId, service: visit.serviceId) }
            moved = CaseRecord(
                id: visit.id, serviceId: serviceId, openedAt: visit.openedAt, state: visit.state,
                ticketIds: visit.ticketIds, visits: visit.visits)
        }
        let from = ticket.serviceId
        ticket.serviceId = serviceId
        ticket.status = .waiting
        ticket.window = nil
        ticket.callCount = 0
        ticket.calledAt = nil
        ticket.firstCalledAt = nil
        if let moved { record(moved, nil, actor: actor, at: now) }
        record(ticket, .transferred, actor: actor, at: now, detail: EventDetail(from: from, to: serviceId))
        releaseWindow(windowId, actor: actor, at: now)
        return ticket
    }

    /// Ends the visit at the window with an outcome. `completed`, `accepted` and `rejected`
    /// (which needs a note) close the case; `needs_more` keeps it open and must name at least
    /// one of the service's materials as missing.
    mutating func complete(
        ticket id: String, window windowId: String, outcome: VisitOutcome, missingMaterials: [String] = [],
        note: String? = nil, actor: String, at now: Date
    ) throws(QueueError) -> Ticket {
        rollOver(to: now)
        var ticket = try calledTicket(id, at: windowId)
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        let missing = outcome == .needsMore ? missingMaterials : []
        if outcome == .rejected, note == nil { throw .noteRequired }
        if outcome == .needsMore {
            guard !missing.isEmpty else { throw .missingMaterialsRequired }
            let known = Set(catalogue.service(id: ticket.serviceId)?.materials.map(\.id) ?? [])
            if let unknown = missing.first(where: { !known.contains($0) }) {
                throw .unknownMaterial(id: unknown, service: ticket.serviceId)
            }
        }
        ticket.status = .completed
        ticket.endedAt = now
        ticket.outcome = outcome.rawValue
        ticket.missingMaterials = missing
        ticket.note = note
        if let calledAt = ticket.calledAt { serviceTimes.add(now.timeIntervalSince(calledAt), for: ticket.serviceId) }
        record(
            ticket, .completed, actor: actor, at: now,
            detail: EventDetail(outcome: outcome.rawValue, missing: missing.isEmpty ? nil : missing))
        releaseWindow(windowId, actor: actor, at: now)
        endVisit(of: ticket, outcome: outcome, actor: actor, at: now)
        return ticket
    }

    /// Pauses or resumes a window: a paused window calls nothing and drops out of wait estimates.
    /// Pausing keeps the current ticket, which the clerk can still end.
    mutating func setPaused(_ paused: Bool, window windowId: String, actor: String, at now: Date)
        throws(QueueError) -> WindowState
    {
        rollOver(to: now)
        var (_, state) = try windowAndState(windowId)
        guard state.paused != paused else { return state }
        state.paused = paused
        record(state, paused ? .paused : .resumed, actor: actor, at: now)
        return state
    }

    private func windowAndState(_ id: String) throws(QueueError) -> (Window, WindowState) {
        guard let window = catalogue.hall.windows.first(where: { $0.id == id }) else { throw .windowNotFound(id) }
        return (window, windows[id] ?? WindowState(id: id))
    }

    /// The ticket, which must be called to this window.
    private func calledTicket(_ id: String, at windowId: String) throws(QueueError) -> Ticket {
        _ = try windowAndState(windowId)
        guard let ticket = tickets[id] else { throw .ticketNotFound(id) }
        guard ticket.status == .called else {
            throw .ticketState(ticket: ticket.number, status: ticket.status, expected: "called")
        }
        guard ticket.window == windowId else {
            throw .notThisWindow(ticket: ticket.number, calledTo: ticket.window ?? "")
        }
        return ticket
    }

    private mutating func releaseWindow(_ windowId: String, actor: String, at now: Date) {
        guard var state = windows[windowId] else { return }
        state.currentTicketId = nil
        record(state, nil, actor: actor, at: now)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
