/// A ticket as the daemon answers it (`POST /api/v1/tickets`, `GET /api/v1/tickets/{id}`,
/// the clerk calls). Fields the cases API adds are optional, so the client reads today's
/// daemon too.
public struct TicketInfo: Sendable, Equatable, Codable {
    public var id: String
    public var number: String
    public var serviceId: String
    public var serviceName: String?
    public var status: String
    public var priority: Bool
    /// `walk_in`, `appointment` or `remote`; absent from a daemon before channels.
    public var channel: String?
    public var ahead: Int
    public var estimatedWaitSeconds: Int?
    /// The minutes to tell the applicant, as the daemon computes them.
    public var estimatedWaitMinutes: Int?
    public var issuedAt: String
    public var window: String?
    public var windowName: String?
    public var callCount: Int
    public var outcome: String?
    public var caseId: String?
    public var visit: Int?
    /// With a clerk token: the case and its earlier visits.
    public var `case`: CaseInfo?
    /// With a clerk token, while called: seconds before the time since the first call allows
    /// a no-show.
    public var secondsBeforeNoShow: Int?
    /// Only in the answer that issued the ticket: the code printed on the receipt, which a
    /// rating at a kiosk needs beside the number.
    public var evaluationCode: String?

    public init(
        id: String, number: String, serviceId: String, serviceName: String? = nil, status: String = "waiting",
        priority: Bool = false, ahead: Int = 0, estimatedWaitSeconds: Int? = nil, estimatedWaitMinutes: Int? = nil,
        issuedAt: String,
        window: String? = nil, windowName: String? = nil, callCount: Int = 0, outcome: String? = nil,
        caseId: String? = nil, visit: Int? = nil, case: CaseInfo? = nil, evaluationCode: String? = nil
    ) {
        self.id = id
        self.number = number
        self.serviceId = serviceId
        self.serviceName = serviceName
        self.status = status
        self.priority = priority
        self.ahead = ahead
        self.estimatedWaitSeconds = estimatedWaitSeconds
        self.estimatedWaitMinutes = estimatedWaitMinutes
        self.issuedAt = issuedAt
        self.window = window
        self.windowName = windowName
        self.callCount = callCount
        self.outcome = outcome
        self.caseId = caseId
        self.visit = visit
        self.case = `case`
        self.evaluationCode = evaluationCode
    }
}

/// A case (办件) across its visits: `GET /api/v1/cases/{id}`.
public struct CaseInfo: Sendable, Equatable, Codable {
    public var id: String
    public var serviceId: String
    public var serviceName: String?
    /// open, closed or cancelled.
    public var state: String
    public var openedAt: String?
    public var visits: [Visit]

    public struct Visit: Sendable, Equatable, Codable {
        /// Only to clerks: a kiosk reading a case by its number does not get its tickets' ids.
        public var ticketId: String?
        public var number: String
        public var hallDay: String
        public var status: String
        public var outcome: String?
        public var window: String?
        public var missingMaterials: [MaterialReference]?
        public var note: String?

        public init(
            ticketId: String?, number: String, hallDay: String, status: String, outcome: String? = nil,
            window: String? = nil, missingMaterials: [MaterialReference]? = nil, note: String? = nil
        ) {
            self.ticketId = ticketId
            self.number = number
            self.hallDay = hallDay
            self.status = status
            self.outcome = outcome
            self.window = window
            self.missingMaterials = missingMaterials
            self.note = note
        }
    }

    public struct MaterialReference: Sendable, Equatable, Codable {
        public var id: String
        public var name: String

        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    public init(
        id: String, serviceId: String, serviceName: String? = nil, state: String, openedAt: String? = nil,
        visits: [Visit]
    ) {
        self.id = id
        self.serviceId = serviceId
        self.serviceName = serviceName
        self.state = state
        self.openedAt = openedAt
        self.visits = visits
    }

    /// What was missing at the last visit that asked for more, for "bring these this time".
    public var lastMissing: [MaterialReference] {
        visits.last { $0.outcome == "needs_more" }?.missingMaterials ?? []
    }
}

/// A 好差评 rating as the kiosk sends it: the ticket's number with the receipt's code, the
/// level and, for 1 or 2, the reasons (`RatingReasons` ids).
public struct RatingRequest: Sendable, Equatable {
    public var number: String
    public var code: String
    public var rating: Int
    public var reasons: [String]

    public init(number: String, code: String, rating: Int, reasons: [String] = []) {
        self.number = number
        self.code = code
        self.rating = rating
        self.reasons = reasons
    }
}

/// A 好差评 rating as the daemon recorded it.
public struct EvaluationInfo: Sendable, Equatable, Codable {
    public var number: String
    public var rating: Int

    public init(number: String, rating: Int) {
        self.number = number
        self.rating = rating
    }
}
