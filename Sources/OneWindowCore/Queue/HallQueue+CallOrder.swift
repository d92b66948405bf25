import Foundation

/// Which ticket a window calls: the head of its lines (priority, then appointments, then the
/// earliest issued), unless `CallOrder` gives a long-waiting walk-in its turn.
extension HallQueue {
    /// The next ticket `window` calls at `now`. Appointment tickets stand ahead of walk-ins in
    /// the lines; after `maxAppointmentsInRow` of a letter called in a row, a walk-in of that
    /// letter who has waited more than `walkInWaitMinutes` is called first. A hall whose
    /// catalogue lost its appointment settings (a reload) calls the head of the lines.
    func nextWaiting(for window: Window, at now: Date) -> Ticket? {
        guard let head = headOfLines(for: window) else { return nil }
        guard head.channel == .appointment, !head.priority, let settings = catalogue.hall.appointments,
            let walkIn = firstWalkIn(for: window, prefix: head.prefix)
        else { return head }
        let chosen = CallOrder.next(
            first: Self.candidate(head), firstWalkIn: Self.candidate(walkIn),
            appointmentsInRow: appointmentsInRow[head.prefix] ?? 0, at: now, settings: settings)
        return chosen.id == walkIn.id ? walkIn : head
    }

    /// Counts a call for the in-row rule: an appointment adds one to its letter, anything else
    /// (a walk-in, a remote ticket, a priority one) sets the letter back to none in a row.
    mutating func countCall(of ticket: Ticket) {
        appointmentsInRow[ticket.prefix] =
            ticket.channel == .appointment ? (appointmentsInRow[ticket.prefix] ?? 0) + 1 : 0
    }

    /// The in-row counts as the day's calls left them, for a queue restored after a restart:
    /// per letter, the appointment tickets among the latest calls, back to the last other one.
    static func appointmentsInRow(_ tickets: [Ticket]) -> [String: Int] {
        var counts: [String: Int] = [:]
        let called = tickets.filter { ($0.firstCalledAt ?? $0.calledAt) != nil }
            .sorted { ($0.firstCalledAt ?? $0.calledAt)! < ($1.firstCalledAt ?? $1.calledAt)! }
        for ticket in called {
            counts[ticket.prefix] = ticket.channel == .appointment ? (counts[ticket.prefix] ?? 0) + 1 : 0
        }
        return counts
    }

    private static func candidate(_ ticket: Ticket) -> CallOrder.Candidate {
        CallOrder.Candidate(id: ticket.id, isAppointment: ticket.channel == .appointment, issuedAt: ticket.issuedAt)
    }
}
