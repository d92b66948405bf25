/// 到现场次数 per channel, as the screens show it: read from the guide's `channels`.
public struct VisitsPromised: Sendable, Equatable {
    public var online: Int?
    public var hall: Int?

    public init(online: Int? = nil, hall: Int?) {
        self.online = online
        self.hall = hall
    }
}
