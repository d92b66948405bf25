/// 到现场次数 per channel, as `Channels` holds them: the hall's promise (`hall`) and the
/// online one (`online`). A view for the pages and the promise rate; services.json writes
/// each promise inside its channel (`channels.hall.visitsPromised`).
public struct VisitsPromised: Sendable, Equatable, Hashable {
    public var online: Int?
    public var hall: Int?

    public init(online: Int? = nil, hall: Int?) {
        self.online = online
        self.hall = hall
    }
}
