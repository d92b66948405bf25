extension HallQueue {
    /// Keeps the hash of a new ticket's evaluation code with the ticket, so that it is written
    /// in the same transaction and survives a restart.
    public mutating func setEvaluationCode(hash: String, ticket id: String) -> Ticket? {
        guard var ticket = tickets[id] else { return nil }
        ticket.evaluationCodeHash = hash
        tickets[id] = ticket
        changes.tickets[id] = ticket
        return ticket
    }

    /// Gives a stored ticket a new evaluation code (a replayed issue answer, whose first code
    /// never reached the kiosk); nil when the ticket is not today's or was rated already.
    public mutating func replaceEvaluationCode(hash: String, ticket id: String) -> Ticket? {
        guard var ticket = tickets[id], !evaluated.contains(id) else { return nil }
        ticket.evaluationCodeHash = hash
        tickets[id] = ticket
        changes.evaluationCodes[id] = hash
        return ticket
    }

    /// Compares two hex hashes in time that depends only on their length.
    static func sameHash(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
