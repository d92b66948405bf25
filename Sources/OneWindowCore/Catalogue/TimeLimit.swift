/// 办结时限. `promisedDays` 0 means the case is finished on the spot (当场办结).
///
/// Both limits may be unknown: `statutoryDays` nil means no law sets one; `promisedDays` nil
/// means the bureau has not set its promise yet, which counts as a placeholder (the public
/// reads 请咨询窗口) until it does.
public struct TimeLimit: Sendable, Equatable, Encodable {
    /// 法定办结时限; nil where no law sets one (then only the promise binds the hall).
    public var statutoryDays: Int?
    /// 承诺办结时限: never longer than the statutory limit; nil until the bureau sets it.
    public var promisedDays: Int?
    public var unit: DayUnit
    /// Steps not counted in the limit (公示、专家评审、征求意见), each with its duration.
    public var specialSteps: [SpecialStep]
    public var note: String?

    public init(
        statutoryDays: Int?, promisedDays: Int?, unit: DayUnit = .workingDays, specialSteps: [SpecialStep] = [],
        note: String? = nil
    ) {
        self.statutoryDays = statutoryDays
        self.promisedDays = promisedDays
        self.unit = unit
        self.specialSteps = specialSteps
        self.note = note
    }

    private enum Keys: String, CodingKey { case statutoryDays, promisedDays, unit, specialSteps, note }

    /// Writes the limits as `null` rather than leaving them out: an unknown limit is a fact too.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(statutoryDays, forKey: .statutoryDays)
        try container.encode(promisedDays, forKey: .promisedDays)
        try container.encode(unit, forKey: .unit)
        try container.encode(specialSteps, forKey: .specialSteps)
        try container.encodeIfPresent(note, forKey: .note)
    }
}

/// 特别程序: a step whose time is not counted in the limit, e.g. 公告 60 日.
public struct SpecialStep: Sendable, Equatable, Encodable {
    public var name: String
    /// As the source states it, e.g. “60日”.
    public var duration: String

    public init(name: String, duration: String) {
        self.name = name
        self.duration = duration
    }
}
