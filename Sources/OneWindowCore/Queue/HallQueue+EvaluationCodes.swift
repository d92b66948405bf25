extension HallQueue {
    /// Keeps the hash of a new ticket's evaluation code with the ticket, so that it is written
    /// in the same transaction and survives a restart.
    mutating func setEvaluationCode(hash: String, ticket id: String) -> Ticket? {
        guard var ticket = tickets[id] else { return nil }
        ticket.evaluationCodeHash = hash
        tickets[id] = ticket
        changes.tickets[id] = ticket
        return ticket
    }

    /// Gives a stored ticket a new evaluation code (a replayed issue answer, whose first code
    /// never reached the kiosk); nil when the ticket is not today's or was rated already.
    mutating func replaceEvaluationCode(hash: String, ticket id: String) -> Ticket? {
        guard var ticket = tickets[id], !evaluated.contains(id) else { return nil }
        ticket.evaluationCodeHash = hash
        tickets[id] = ticket
        changes.evaluationCodes[id] = hash
        return ticket
    }
}
