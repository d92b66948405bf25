import Foundation
import OneWindowCore

/// What a route answers a command with, made on the commit thread from the command's outcome
/// and the queue as the command left it (`QueueService.execute`). The route chooses the type;
/// pairing a command with an answer for another outcome is a programming error. (Answers
/// cross to the answering worker, so `execute` asks for `Sendable` too: the views are
/// Sendable by inference, which only their own files could declare.)
protocol CommandAnswer {
    init(_ outcome: QueueOutcome, of command: QueueCommand, in queue: HallQueue, at now: Date)
}

extension QueueOutcome: CommandAnswer {
    /// The outcome itself, for callers that render nothing of the queue.
    init(_ outcome: QueueOutcome, of command: QueueCommand, in queue: HallQueue, at now: Date) {
        self = outcome
    }

    /// The ticket of an outcome that must be one.
    var expectedTicket: Ticket {
        guard case .ticket(let ticket) = self else { preconditionFailure("a ticket was expected, not \(self)") }
        return ticket
    }
}

extension TicketView: CommandAnswer {
    /// The answer that issued a ticket (or replays its issue), with the receipt's evaluation
    /// code while the ticket holds its hash.
    init(_ outcome: QueueOutcome, of command: QueueCommand, in queue: HallQueue, at now: Date) {
        let ticket = outcome.expectedTicket
        self.init(ticket, in: queue)
        if case .issue(let order) = command, let code = order.code,
            ticket.evaluationCodeHash == code.hash(for: ticket.id)
        {
            evaluationCode = code.code
        }
    }
}

extension TicketEnvelope: CommandAnswer {
    /// A clerk's command on a ticket: the console's view (with the no-show countdown while called).
    init(_ outcome: QueueOutcome, of command: QueueCommand, in queue: HallQueue, at now: Date) {
        self.init(ticket: TicketView(clerk: outcome.expectedTicket, in: queue, at: now))
    }
}

/// Call-next's answer: the ticket called, or none when nothing waits for the window (204).
struct NextTicket: CommandAnswer {
    var called: TicketEnvelope?

    init(_ outcome: QueueOutcome, of command: QueueCommand, in queue: HallQueue, at now: Date) {
        called = outcome == .nothingWaiting ? nil : TicketEnvelope(outcome, of: command, in: queue, at: now)
    }
}

extension WindowEnvelope: CommandAnswer {
    /// A paused or resumed window, as its clerk sees it.
    init(_ outcome: QueueOutcome, of command: QueueCommand, in queue: HallQueue, at now: Date) {
        guard case .window(let state) = outcome,
            let window = queue.catalogue.hall.windows.first(where: { $0.id == state.id })
        else { preconditionFailure("a window of the hall was expected, not \(outcome)") }
        self.init(window: WindowView(window, in: queue, forClerk: true))
    }
}

extension CloseDayReply: CommandAnswer {
    init(_ outcome: QueueOutcome, of command: QueueCommand, in queue: HallQueue, at now: Date) {
        guard case .expired(let tickets) = outcome else {
            preconditionFailure("expired tickets were expected, not \(outcome)")
        }
        self.init(expired: tickets.count)
    }
}

extension EvaluationView: CommandAnswer {
    /// A rating shows its ticket's number; a follow-up step does not.
    init(_ outcome: QueueOutcome, of command: QueueCommand, in queue: HallQueue, at now: Date) {
        guard case .evaluation(let evaluation) = outcome else {
            preconditionFailure("an evaluation was expected, not \(outcome)")
        }
        let rated: Bool
        if case .evaluate = command { rated = true } else { rated = false }
        self.init(evaluation, number: rated ? queue.tickets[evaluation.ticketId]?.number : nil, today: queue.day)
    }
}

extension EvaluationEnvelope: CommandAnswer {
    init(_ outcome: QueueOutcome, of command: QueueCommand, in queue: HallQueue, at now: Date) {
        self.init(evaluation: EvaluationView(outcome, of: command, in: queue, at: now))
    }
}

extension ReplacementMoves: CommandAnswer {
    init(_ outcome: QueueOutcome, of command: QueueCommand, in queue: HallQueue, at now: Date) {
        guard case .moved(let tickets, let cases) = outcome else {
            preconditionFailure("moves were expected, not \(outcome)")
        }
        self.init(tickets: tickets, cases: cases)
    }
}
