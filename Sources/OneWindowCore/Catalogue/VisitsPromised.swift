/// 到现场次数, per channel: the most trips to the hall a case of the service may take when it
/// is applied for online (`online`, usually 0) and when it is brought to the hall (`hall`). A
/// channel without a promise does not receive the service: no `hall` promise, no hall ticket.
/// Written in services.json as `{"online": 0, "hall": 1}`, or as one integer, the hall's promise
/// (the form before channels).
public struct VisitsPromised: Sendable, Equatable, Hashable, Codable, ExpressibleByIntegerLiteral {
    public var online: Int?
    public var hall: Int?

    public init(online: Int? = nil, hall: Int?) {
        self.online = online
        self.hall = hall
    }

    /// The old form: one number, the hall's promise.
    public init(integerLiteral value: Int) {
        self.init(hall: value)
    }

    enum Keys: String, CodingKey { case online, hall }

    /// Both channels, `null` for one without a promise.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(online, forKey: .online)
        try container.encode(hall, forKey: .hall)
    }
}
