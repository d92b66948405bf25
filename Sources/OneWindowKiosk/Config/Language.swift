/// The language a terminal speaks: Chinese by default, English on the applicant's switch.
public enum Language: String, Sendable, Equatable, CaseIterable {
    case zh
    case en

    /// The text for this language; every screen string is written as a pair in place.
    public func pick(_ chinese: String, _ english: String) -> String {
        self == .zh ? chinese : english
    }

    public var other: Language { self == .zh ? .en : .zh }
}
