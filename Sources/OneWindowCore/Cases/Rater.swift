/// Who rates a visit, and what proves the right to: the channel of the evaluation.
public enum Rater: Sendable {
    /// The pad of this window: only visits that ended there, within `padSeconds` of the end.
    case pad(window: String)
    /// The ticket page on the applicant's phone: the ticket's unguessable id is the proof.
    case phone
    /// A kiosk with the receipt's evaluation code: `hash` gives the code's hash salted with a
    /// ticket id (the core has no hash functions of its own), compared with the stored one.
    case kiosk(hash: @Sendable (_ ticketId: String) -> String)

    /// A pad rates the visit that just ended at its window, not one from the morning.
    public static let padSeconds: Double = 600

    public var channel: EvaluationChannel {
        switch self {
        case .pad: .pad
        case .phone: .phone
        case .kiosk: .kiosk
        }
    }
}
