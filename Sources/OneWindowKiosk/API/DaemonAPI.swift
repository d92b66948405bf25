/// What the terminals ask of the daemon. `HTTPDaemonClient` is the real one; tests use fakes.
public protocol DaemonAPI: Sendable {
    func hall() async throws(DaemonError) -> HallInfo
    func services(query: String?) async throws(DaemonError) -> [ServiceSummary]
    func guide(serviceId: String) async throws(DaemonError) -> ServiceGuide
    func queue() async throws(DaemonError) -> QueueSnapshot
    func windows() async throws(DaemonError) -> [WindowInfo]
    func ticket(id: String) async throws(DaemonError) -> TicketInfo
    func caseInfo(id: String) async throws(DaemonError) -> CaseInfo

    /// Issues a ticket; every attempt carries `idempotencyKey`, so retries cannot make two.
    func issue(_ request: IssueRequest, idempotencyKey: String, onRetry: @escaping @Sendable (Int, DaemonError) -> Void)
        async throws(DaemonError) -> TicketInfo
    func evaluate(_ request: RatingRequest) async throws(DaemonError) -> EvaluationInfo
    /// 预约签到: a booking code becomes a ticket (`CheckIn.swift`; fakes may leave it out).
    func checkIn(code: String) async throws(DaemonError) -> CheckInInfo

    /// The clerk's commands; each answers the ticket concerned (nil: nobody waits).
    func clerk(_ command: ClerkCommand) async throws(DaemonError) -> TicketInfo?
}

/// `POST /api/v1/tickets`: a new case for a service, or the next visit of a case.
public struct IssueRequest: Sendable, Equatable, Codable {
    public var serviceId: String?
    public var caseId: String?
    public var priority: Bool

    public init(serviceId: String? = nil, caseId: String? = nil, priority: Bool) {
        self.serviceId = serviceId
        self.caseId = caseId
        self.priority = priority
    }
}

/// What a clerk can do at a window.
public enum ClerkCommand: Sendable, Equatable {
    case callNext(window: String)
    case recall(window: String)
    case pause(window: String)
    case resume(window: String)
    case noShow(ticketId: String, window: String)
    case transfer(ticketId: String, window: String, serviceId: String)
    case complete(ticketId: String, window: String, outcome: Outcome, missingMaterials: [String], note: String?)

    /// How a visit ends (the cases API): done, accepted for processing, more materials needed, rejected.
    public enum Outcome: String, Sendable, Equatable, CaseIterable {
        case completed
        case accepted
        case needsMore = "needs_more"
        case rejected
    }
}
