import OneWindowCore
import OneWindowHTTP

/// `POST /api/v1/tickets`: a service, or a case number for a return visit (or both).
struct IssueRequest: Decodable, Sendable {
    var serviceId: String?
    /// Absent means false.
    var priority: Bool?
    var caseId: String?

    private enum Keys: String, CodingKey { case serviceId, priority, caseId }

    /// Fields may be left out but not sent as null: the OpenAPI document says what each is.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        serviceId = container.contains(.serviceId) ? try container.decode(String.self, forKey: .serviceId) : nil
        priority = container.contains(.priority) ? try container.decode(Bool.self, forKey: .priority) : nil
        caseId = container.contains(.caseId) ? try container.decode(String.self, forKey: .caseId) : nil
        if serviceId == nil, caseId == nil {
            throw DecodingError.keyNotFound(
                Keys.serviceId, .init(codingPath: [], debugDescription: "serviceId or caseId is required"))
        }
    }

    /// The request in a canonical form, for idempotency keys.
    var fingerprint: String {
        "serviceId=\(serviceId ?? "");priority=\((priority ?? false) ? 1 : 0);caseId=\(caseId ?? "")"
    }
}

/// A clerk's request that names the window it is made at.
protocol WindowRequest: Decodable, Sendable {
    var window: String { get }
}

struct NoShowRequest: WindowRequest {
    var window: String
}

struct TransferRequest: WindowRequest {
    var window: String
    var serviceId: String
}

struct CompleteRequest: WindowRequest {
    var window: String
    /// `completed`, `accepted`, `needs_more` (with `missingMaterials`) or `rejected` (with `note`).
    var outcome: VisitOutcome
    var missingMaterials: [String]?
    var note: String?
}

struct CancelCaseRequest: Decodable, Sendable {
    var reason: String
}

struct EvaluationRequest: Decodable, Sendable {
    /// 1 非常不满意 … 5 非常满意.
    var rating: Int
    /// `EvaluationReason` ids; at least one for a rating of 1 or 2.
    var reasons: [String]?
    var comment: String?
    /// The evaluation code printed on the receipt: required from kiosks.
    var code: String?
}

/// A step of a bad review's follow-up; without `step`, the rectification (已整改), as before.
struct RectifyRequest: Decodable, Sendable {
    var note: String
    /// `note` (整改中), `rectified` (已整改) or `visited_back` (已回访, `note` is the result).
    var step: String?

    func followUpStep() throws(HTTPError) -> FollowUpStep {
        switch step ?? "rectified" {
        case "note": .note(note)
        case "rectified": .rectified(note)
        case "visited_back": .visitedBack(note)
        case let other:
            throw HTTPError(.malformedBody, "field “step” must be note, rectified or visited_back, found “\(other)”")
        }
    }
}
