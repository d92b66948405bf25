import Foundation

/// One applicant's rating of one visit (好差评, after GB/T 39734): five levels.
///
/// A rating of 2 or less is a bad review (差评): it must be rectified (整改) within 15 working
/// days, with a note of what was done; past that it is overdue.
public struct Evaluation: Sendable, Equatable, Codable {
    /// `E20261128-0003`: the hall day and that day's sequence.
    public let id: String
    public let ticketId: String
    public let caseId: String?
    public let serviceId: String
    /// The hall day of the visit (and of the rating: a visit is rated on its own day or never).
    public let hallDay: String
    /// 5 非常满意 … 1 非常不满意.
    public let rating: Int
    public let comment: String?
    public let at: Date
    /// The last working day by which a bad review must be rectified; nil for a good one.
    public let rectifyBy: String?
    public var rectifiedAt: Date?
    public var rectification: String?
    // How the rating came and why it is bad: the channel (pad, phone, kiosk) says who could
    // give it; `reasons` are `EvaluationReason` ids, asked after a rating of 1 or 2 only.
    public var channel: EvaluationChannel = .kiosk
    public var reasons: [String] = []

    // Follow-up beyond 已整改 (整改中 and 已回访): see `FollowUpState`.
    /// The latest note while the rectification is under way (整改中), and when it was written.
    public var progressNote: String? = nil
    public var progressAt: Date? = nil
    /// When the applicant was contacted after the rectification (已回访), and what they said.
    public var visitedBackAt: Date? = nil
    public var visitBackResult: String? = nil

    public init(
        id: String, ticketId: String, caseId: String?, serviceId: String, hallDay: String, rating: Int,
        comment: String?, at: Date, rectifyBy: String?, rectifiedAt: Date? = nil, rectification: String? = nil,
        channel: EvaluationChannel = .kiosk, reasons: [String] = []
    ) {
        self.id = id
        self.ticketId = ticketId
        self.caseId = caseId
        self.serviceId = serviceId
        self.hallDay = hallDay
        self.rating = rating
        self.comment = comment
        self.at = at
        self.rectifyBy = rectifyBy
        self.rectifiedAt = rectifiedAt
        self.rectification = rectification
        self.channel = channel
        self.reasons = reasons
    }

    /// The national five levels, best first.
    public static let levels: [Int: String] = [5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"]

    /// Working days a bad review has to be rectified in.
    public static let rectifyWorkingDays = 15

    public var isBad: Bool { rating <= 2 }

    /// A bad review not yet rectified.
    public var isOpen: Bool { isBad && rectifiedAt == nil }

    /// Open past its deadline on hall day `today`.
    public func isOverdue(today: String) -> Bool {
        guard isOpen, let rectifyBy else { return false }
        return today > rectifyBy
    }

    /// The evaluation id for `sequence` on `day`.
    public static func id(day: String, sequence: Int) -> String {
        let digits = String(sequence)
        return "E" + String(day.unicodeScalars.filter { $0 != "-" }) + "-"
            + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
