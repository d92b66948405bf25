/// Why an applicant rated a visit 1 or 2: the kinds of complaint of GB/T 39734, stored by a
/// short stable id so that labels may be reworded without touching the records.
public struct EvaluationReason: Sendable, Equatable, Identifiable {
    /// Stable: stored with evaluations and sent to the provincial platform.
    public let id: String
    /// As the applicant reads it.
    public let label: String

    /// Every reason, in the order they are offered.
    public static let all: [EvaluationReason] = [
        EvaluationReason(id: "attitude", label: "服务态度"),
        EvaluationReason(id: "efficiency", label: "办事效率/等候时间"),
        EvaluationReason(id: "one_time_notice", label: "一次性告知/材料要求"),
        EvaluationReason(id: "process", label: "办事流程"),
        EvaluationReason(id: "environment", label: "环境设施"),
        EvaluationReason(id: "other", label: "其他"),
    ]

    /// The reason with this id, if there is one.
    public static func named(_ id: String) -> EvaluationReason? {
        all.first { $0.id == id }
    }
}

/// How a rating reached the hall: who could give it, and so how far it can be trusted.
public enum EvaluationChannel: String, Sendable, Equatable, Codable, CaseIterable {
    /// The rating pad of the window that ended the visit, within minutes of its end.
    case pad
    /// The applicant's phone, from the ticket page whose unguessable id is on the receipt.
    case phone
    /// A kiosk, with the ticket number and the evaluation code printed on the receipt.
    case kiosk
}
