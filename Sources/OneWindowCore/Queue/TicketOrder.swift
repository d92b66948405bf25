/// What a kiosk asks for when it issues a ticket.
public struct TicketOrder: Sendable {
    /// The new ticket's id, made by the caller (so a retried request can be recognised).
    public var id: String
    /// Nil when `caseId` names the case, whose service it is.
    public var serviceId: String?
    public var priority: Bool
    /// The case number a returning applicant brought.
    public var caseId: String?
    /// The receipt's evaluation code, kept with the ticket as a hash.
    public var code: EvaluationCodeSeal?

    public init(id: String, serviceId: String?, priority: Bool, caseId: String?, code: EvaluationCodeSeal? = nil) {
        self.id = id
        self.serviceId = serviceId
        self.priority = priority
        self.caseId = caseId
        self.code = code
    }
}
