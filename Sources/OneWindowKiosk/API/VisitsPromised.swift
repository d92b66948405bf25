/// 到现场次数 per channel as the daemon sends it: `{"online": 0, "hall": 1}`, or one number
/// (the hall's promise) from a daemon before channels.
public struct VisitsPromised: Sendable, Equatable, Codable {
    public var online: Int?
    public var hall: Int?

    public init(online: Int? = nil, hall: Int?) {
        self.online = online
        self.hall = hall
    }

    enum Keys: String, CodingKey { case online, hall }

    public init(from decoder: any Decoder) throws {
        if let hall = try? decoder.singleValueContainer().decode(Int.self) {
            self.init(hall: hall)
            return
        }
        let container = try decoder.container(keyedBy: Keys.self)
        self.init(
            online: try container.decodeIfPresent(Int.self, forKey: .online),
            hall: try container.decodeIfPresent(Int.self, forKey: .hall))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(online, forKey: .online)
        try container.encode(hall, forKey: .hall)
    }
}
