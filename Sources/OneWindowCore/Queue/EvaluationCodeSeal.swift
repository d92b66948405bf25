/// A receipt's evaluation code as a command carries it. The queue keeps only its hash, salted
/// with the ticket's id; the core has no hash function of its own (as `Rater.kiosk`), so the
/// caller gives one, with the hash for the ticket it is issuing made in advance (off the
/// commit thread).
public struct EvaluationCodeSeal: Sendable {
    /// The code as printed, for the answer that issued the ticket.
    public let code: String
    private let ticketId: String
    private let ticketHash: String
    private let hasher: @Sendable (_ code: String, _ ticketId: String) -> String

    /// - Parameter hash: the code's hash salted with a ticket's id (`EvaluationCode.hash`).
    public init(
        code: String, ticketId: String, hash: @escaping @Sendable (_ code: String, _ ticketId: String) -> String
    ) {
        self.code = code
        self.ticketId = ticketId
        self.ticketHash = hash(code, ticketId)
        self.hasher = hash
    }

    /// The code's hash salted with `id`.
    public func hash(for id: String) -> String {
        id == ticketId ? ticketHash : hasher(code, id)
    }
}
