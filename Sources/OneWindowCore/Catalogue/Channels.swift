/// 受理渠道: the ways a service is received, each with what the applicant needs to know of it.
///
/// The hall tickets only what it receives: a service without `hall` gets no ticket, no window,
/// and its guide sends the applicant to the office or the website instead. Each channel carries
/// its own promise of trips (`visitsPromised`), so a guide never says two numbers for one way.
public struct Channels: Sendable, Equatable, Hashable, Codable {
    /// 大厅窗口: this hall's windows.
    public var hall: HallChannel?
    /// 街道、社区 or another office (a funeral home, a registered operator), with where it is.
    public var office: OfficeChannel?
    /// 网上: online, with the address only where a source gives one.
    public var online: OnlineChannel?

    public init(hall: HallChannel? = nil, office: OfficeChannel? = nil, online: OnlineChannel? = nil) {
        self.hall = hall
        self.office = office
        self.online = online
    }

    /// The hall's channel alone, promising `visits` trips: the usual service.
    public static func hall(_ visits: Int) -> Channels { Channels(hall: HallChannel(visitsPromised: visits)) }

    /// The trips each promise-carrying channel allows, in the shape the pages and the
    /// promise rate read.
    public var visitsPromised: VisitsPromised {
        VisitsPromised(online: online?.visitsPromised, hall: hall?.visitsPromised)
    }
}

/// 大厅窗口: the hall receives the service at its windows.
public struct HallChannel: Sendable, Equatable, Hashable, Codable {
    /// 到现场次数: the most trips to the hall a case may take (0, 1 or 2).
    public var visitsPromised: Int

    public init(visitsPromised: Int) { self.visitsPromised = visitsPromised }
}

/// Another office receives the service: 街道办事处、社区居委会、殡仪馆…
public struct OfficeChannel: Sendable, Equatable, Hashable, Codable {
    /// Where to go, as the guide's sources name it.
    public var place: String
    /// The office's promise of trips, where one is published.
    public var visitsPromised: Int?

    public init(place: String, visitsPromised: Int? = nil) {
        self.place = place
        self.visitsPromised = visitsPromised
    }
}

/// The service can be applied for online.
public struct OnlineChannel: Sendable, Equatable, Hashable, Codable {
    /// Trips to the hall a case applied for online may still take (usually 0).
    public var visitsPromised: Int
    /// 在线办理: where to apply; only where a source gives the address, never guessed.
    public var url: String?

    public init(visitsPromised: Int, url: String? = nil) {
        self.visitsPromised = visitsPromised
        self.url = url
    }
}
