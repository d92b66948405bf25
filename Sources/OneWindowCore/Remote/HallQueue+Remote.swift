import Foundation

/// Same-day remote tickets (线上取号), inside the queue so that they run through the same group
/// commit as every ticket: one writer decides the one-a-phone-a-day rule.
extension HallQueue {
    /// Takes a remote ticket: a real ticket with channel `remote`, numbered with the walk-ins
    /// of its letter, skipped by call-next until checked in (`isCallable`).
    ///
    /// Refused when the hall is closed today (not a working day, or past `closesAt`), when the
    /// ticket's estimated turn comes after `closesAt`, and when the phone took one today.
    mutating func takeRemote(_ order: RemoteTicketOrder, by actor: String, at now: Date) throws(QueueError)
        -> Ticket
    {
        rollOver(to: now)
        if let refusal = remoteRefusal(order, at: now) { throw refusal }
        // Known before the ticket is recorded, so that `record` keeps it out of the lines.
        let remote = RemoteTicket(
            ticketId: order.ticketId, hallDay: day, phoneKey: order.phoneKey, checkInCode: order.checkInCode,
            nearAhead: order.nearAhead)
        remoteTickets[order.ticketId] = remote
        let ticket: Ticket
        do {
            ticket = try issue(
                id: order.ticketId, serviceId: order.serviceId, priority: false, channel: .remote, actor: actor,
                at: now)
        } catch {
            remoteTickets[order.ticketId] = nil
            throw error
        }
        changes.remoteTickets[ticket.id] = remote
        changes.remotePhones[ticket.id] = order.phoneSealed
        return ticket
    }

    /// Why `order` would be refused now, if it would: what the route checks before it uses the
    /// verification code (so that a refusal leaves the code for another try), and what
    /// `takeRemote` checks again inside the commit.
    public func remoteRefusal(_ order: RemoteTicketOrder, at now: Date) -> QueueError? {
        guard let service = catalogue.service(id: order.serviceId) else { return .serviceNotFound(order.serviceId) }
        guard service.visitsPromised.hall != nil else { return .notReceivedInHall(service.name) }
        let today = calendar.day(of: now)
        if let taken = remoteTickets.values.first(where: { $0.phoneKey == order.phoneKey && $0.hallDay == today }) {
            return .remoteTicketTaken(number: tickets[taken.ticketId]?.number ?? "")
        }
        guard catalogue.hall.workingDays.isWorkingDay(today), order.closesAt.map({ now < $0 }) ?? true else {
            return .hallClosedNow
        }
        guard !openWindows(serving: service.id).isEmpty else { return .serviceNotServed(service.name) }
        guard let closesAt = order.closesAt else { return nil }
        let probe = Ticket(
            id: "", hallDay: today, prefix: "", sequence: .max, serviceId: service.id, priority: false, issuedAt: now)
        let seconds = estimate(for: probe).seconds ?? 0
        guard now.addingTimeInterval(TimeInterval(seconds)) < closesAt else {
            return .turnAfterClosing(waitMinutes: WaitMinutes.told(seconds: seconds, waiting: true) ?? 0)
        }
        return nil
    }

    /// Checks in a remote ticket at a kiosk: from now on call-next takes it, in its place by
    /// issue time (next, if its turn has passed). A second check-in answers the same ticket
    /// (with a new evaluation code for the new receipt).
    mutating func checkInRemote(_ remote: RemoteTicket, order: CheckInOrder, at now: Date) throws(QueueError)
        -> CheckInResult
    {
        guard var ticket = tickets[remote.ticketId], remote.hallDay == day else { throw .bookingNotFound }
        if let code = order.evaluationCode, !ticket.status.isFinal {
            ticket = replaceEvaluationCode(hash: code.hash(for: ticket.id), ticket: ticket.id) ?? ticket
        }
        guard remote.checkedInAt == nil else {
            return CheckInResult(ticket: ticket, booking: nil, arrival: .remote, repeated: true)
        }
        guard ticket.status == .waiting else {
            throw .ticketState(ticket: ticket.number, status: ticket.status, expected: "waiting")
        }
        var checked = remote
        checked.checkedInAt = now
        remoteTickets[remote.ticketId] = checked
        changes.remoteTickets[remote.ticketId] = checked
        lines.insert(ticket)
        return CheckInResult(ticket: ticket, booking: nil, arrival: .remote, repeated: false)
    }

    /// Today's remote ticket with this check-in code, if any.
    func remoteTicket(checkInCode code: String) -> RemoteTicket? {
        let wanted = code.uppercased()
        return remoteTickets.values.first { $0.hallDay == day && $0.checkInCode == wanted }
    }

    /// Whether call-next may take `ticket`: every ticket but a remote one not yet checked in.
    func isCallable(_ ticket: Ticket) -> Bool {
        ticket.channel != .remote || remoteTickets[ticket.id]?.checkedInAt != nil
    }

    /// After a call: the remote tickets whose place in line is now their `nearAhead` or fewer,
    /// each once ("前面还有 N 人"), while still waiting. Checked in or not: the message is what
    /// brings an applicant who is still away.
    mutating func noteRemoteTicketsNear(at now: Date) {
        for remote in remoteTickets.values where remote.nearSentAt == nil && remote.hallDay == day {
            guard let ticket = tickets[remote.ticketId], ticket.status == .waiting else { continue }
            let ahead = estimate(for: ticket).ahead
            guard ahead <= remote.nearAhead else { continue }
            var noted = remote
            noted.nearSentAt = now
            remoteTickets[remote.ticketId] = noted
            changes.remoteTickets[remote.ticketId] = noted
            changes.remoteNear[remote.ticketId] = NearNotice(ticket: ticket, ahead: ahead)
        }
    }
}
