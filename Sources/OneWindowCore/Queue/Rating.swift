/// A rating as any channel sends it.
public struct Rating: Sendable {
    /// The ticket's id, or (kiosk, pad) its number today.
    public var reference: String
    public var rating: Int
    public var reasons: [String]
    public var comment: String?
    public var rater: Rater

    public init(reference: String, rating: Int, reasons: [String] = [], comment: String?, by rater: Rater) {
        self.reference = reference
        self.rating = rating
        self.reasons = reasons
        self.comment = comment
        self.rater = rater
    }
}
