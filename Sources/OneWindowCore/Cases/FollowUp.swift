import Foundation

/// Where a bad review's follow-up stands, in the order it moves.
public enum FollowUpState: String, Sendable, Equatable, Codable, CaseIterable {
    /// 待整改: nobody has written anything yet.
    case pending
    /// 整改中: someone wrote a first note.
    case inProgress = "in_progress"
    /// 已整改: done, with what was done.
    case rectified
    /// 已回访: the applicant was contacted afterwards, with the result.
    case visitedBack = "visited_back"

    /// The name the hall and the provincial platform use.
    public var name: String {
        switch self {
        case .pending: "待整改"
        case .inProgress: "整改中"
        case .rectified: "已整改"
        case .visitedBack: "已回访"
        }
    }
}

/// One move of a bad review's follow-up, each with its text.
public enum FollowUpStep: Sendable, Equatable {
    /// A note while the rectification is under way (the first one makes it 整改中).
    case note(String)
    /// What was done (已整改): the rectification itself.
    case rectified(String)
    /// The applicant was contacted; what they said (已回访).
    case visitedBack(String)
}

extension Evaluation {
    /// Where the follow-up stands; nil for a review that is not bad.
    public var followUpState: FollowUpState? {
        guard isBad else { return nil }
        if visitedBackAt != nil { return .visitedBack }
        if rectifiedAt != nil { return .rectified }
        if progressAt != nil { return .inProgress }
        return .pending
    }
}
