import Foundation

extension HallQueue {
    /// Issues a ticket (取号). Retries are the caller's to recognise (idempotency keys belong
    /// to the API): this always issues a new number.
    public mutating func issue(id: String, serviceId: String, priority: Bool, actor: String, at now: Date)
        throws(QueueError) -> Ticket
    {
        rollOver(to: now)
        guard let service = catalogue.service(id: serviceId) else { throw .serviceNotFound(serviceId) }
        guard !openWindows(serving: serviceId).isEmpty else { throw .serviceNotServed(service.name) }
        let sequence = (sequences[service.queuePrefix] ?? 0) + 1
        sequences[service.queuePrefix] = sequence
        let ticket = Ticket(
            id: id, hallDay: day, prefix: service.queuePrefix, sequence: sequence, serviceId: serviceId,
            priority: priority, issuedAt: now)
        record(ticket, .issued, actor: actor, at: now)
        return ticket
    }

    /// Calls the next ticket to `window` (叫号): priority first, then the earliest issued, across
    /// every service the window takes: one virtual queue. Nil when nothing waits for it.
    public mutating func callNext(window windowId: String, actor: String, at now: Date) throws(QueueError) -> Ticket? {
        rollOver(to: now)
        let (window, state) = try windowAndState(windowId)
        guard !state.paused else { throw .windowPaused(windowId) }
        if let current = state.currentTicketId, let ticket = tickets[current], ticket.status == .called {
            throw .windowBusy(window: windowId, ticket: ticket.number)
        }
        guard var next = nextWaiting(for: window) else { return nil }
        next.status = .called
        next.window = windowId
        next.callCount = 1
        next.calledAt = now
        record(next, .called, actor: actor, at: now)
        record(WindowState(id: windowId, paused: false, currentTicketId: next.id), nil, actor: actor, at: now)
        return next
    }

    /// Calls the window's current ticket again.
    public mutating func recall(window windowId: String, actor: String, at now: Date) throws(QueueError) -> Ticket {
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

    /// Ends a called ticket whose applicant did not come, once it was called often enough.
    public mutating func noShow(ticket id: String, window windowId: String, actor: String, at now: Date)
        throws(QueueError) -> Ticket
    {
        rollOver(to: now)
        var ticket = try calledTicket(id, at: windowId)
        guard ticket.callCount >= callsBeforeNoShow else {
            throw .tooFewCalls(ticket: ticket.number, calls: ticket.callCount, needed: callsBeforeNoShow)
        }
        ticket.status = .noShow
        ticket.endedAt = now
        record(ticket, .noShow, actor: actor, at: now)
        releaseWindow(windowId, actor: actor, at: now)
        return ticket
    }

    /// Puts a called ticket back in the queue for another service. It keeps its issue time
    /// and number, so it is not sent to the back.
    public mutating func transfer(
        ticket id: String, window windowId: String, to serviceId: String, actor: String, at now: Date
    ) throws(QueueError) -> Ticket {
        rollOver(to: now)
        var ticket = try calledTicket(id, at: windowId)
        guard let service = catalogue.service(id: serviceId) else { throw .serviceNotFound(serviceId) }
        guard !openWindows(serving: serviceId).isEmpty else { throw .serviceNotServed(service.name) }
        let from = ticket.serviceId
        ticket.serviceId = serviceId
        ticket.status = .waiting
        ticket.window = nil
        ticket.callCount = 0
        ticket.calledAt = nil
        record(ticket, .transferred, actor: actor, at: now, detail: "\(from) -> \(serviceId)")
        releaseWindow(windowId, actor: actor, at: now)
        return ticket
    }

    /// Ends the visit at the window with an outcome (e.g. `completed`).
    public mutating func complete(
        ticket id: String, window windowId: String, outcome: String, actor: String, at now: Date
    ) throws(QueueError) -> Ticket {
        rollOver(to: now)
        var ticket = try calledTicket(id, at: windowId)
        ticket.status = .completed
        ticket.endedAt = now
        ticket.outcome = outcome
        if let calledAt = ticket.calledAt { serviceTimes.add(now.timeIntervalSince(calledAt), for: ticket.serviceId) }
        record(ticket, .completed, actor: actor, at: now, detail: outcome)
        releaseWindow(windowId, actor: actor, at: now)
        return ticket
    }

    /// Pauses or resumes a window: a paused window calls nothing and drops out of wait estimates.
    /// Pausing keeps the current ticket, which the clerk can still end.
    public mutating func setPaused(_ paused: Bool, window windowId: String, actor: String, at now: Date)
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
