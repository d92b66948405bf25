import Foundation

/// Check-in (预约签到): a booking becomes a ticket, inside the group commit like every queue
/// change, so a booking is checked in once whatever the kiosk retries.
extension HallQueue {
    /// Checks in the booking `order.code` at `now`.
    ///
    /// - Inside the check-in window: a ticket with channel `appointment`.
    /// - Before it (or on an earlier day): refused with the time to come back.
    /// - After it, on the booking's day: a walk-in ticket; the answer says it was late.
    /// - On a later day: refused; the booking was missed.
    /// - Checked in already: the same ticket again (a new evaluation code for the new receipt).
    /// - A remote ticket's check-in code: that ticket is checked in (`checkInRemote`).
    ///
    /// Either way the booking is marked checked in with its ticket: the applicant came, so it
    /// is not a missed booking. A booking with a `caseId` continues that case.
    mutating func checkIn(_ order: CheckInOrder, by actor: String, stored: CaseRecord?, at now: Date)
        throws(QueueError) -> CheckInResult
    {
        rollOver(to: now)
        if bookings?.booking(code: order.code) == nil, bookings?.booking(code: order.code.uppercased()) == nil,
            let remote = remoteTicket(checkInCode: order.code)
        {
            return try checkInRemote(remote, order: order, at: now)
        }
        guard let ledger = bookings,
            var booking = ledger.booking(code: order.code) ?? ledger.booking(code: order.code.uppercased())
        else { throw .bookingNotFound }
        if booking.status == .checkedIn, let id = booking.ticketId, var ticket = tickets[id] {
            if let code = order.evaluationCode {
                ticket = replaceEvaluationCode(hash: code.hash(for: id), ticket: id) ?? ticket
            }
            return CheckInResult(
                ticket: ticket, booking: booking, arrival: ticket.channel == .appointment ? .inTime : .late,
                repeated: true)
        }
        if booking.slot.day < day { throw .bookingDayPassed(day: booking.slot.day) }
        let arrival: CheckInResult.Arrival
        switch ledger.checkIn(booking, at: now) {
        case .notBooked: throw .booking(.notBooked)
        case .tooEarly(let from):
            let opens = ClockTime(
                minutes: max(0, booking.slot.start.minutes - ledger.plan.settings.checkInMinutesBefore))
            throw .checkInTooEarly(
                day: booking.slot.day, opens: opens, today: booking.slot.day == day,
                seconds: Int(from.timeIntervalSince(now).rounded(.up)))
        case .tooLate: arrival = .late
        case .inTime: arrival = .inTime
        }
        let ticket = try issue(
            id: order.ticketId, serviceId: booking.serviceId, priority: order.priority,
            visiting: booking.caseId.map { ($0, stored) }, channel: arrival == .inTime ? .appointment : .walkIn,
            actor: actor, at: now)
        let coded = order.evaluationCode.flatMap { setEvaluationCode(hash: $0.hash(for: ticket.id), ticket: ticket.id) }
        booking.status = .checkedIn
        booking.ticketId = ticket.id
        booking.checkedInAt = now
        var updated = ledger
        updated.update(booking)
        bookings = updated
        changes.bookings[booking.code] = booking
        return CheckInResult(ticket: coded ?? ticket, booking: booking, arrival: arrival, repeated: false)
    }

    /// The detail of an `issued` event: whether it opened its case, and its channel unless a
    /// walk-in (the one encoded text is reused for most tickets).
    static func issuedDetail(opening: Bool, _ channel: Ticket.Channel) -> String? {
        guard channel != .walkIn else { return opening ? EventDetail.openedJSON : nil }
        var detail = EventDetail(opened: opening ? true : nil)
        detail.channel = channel.rawValue
        return detail.json
    }
}
