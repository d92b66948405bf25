/// 受理渠道 as the daemon sends them (`channels` of a guide): the hall with its promise of
/// trips, another office with where it is, online with the address where one is sourced.
/// A service without `hall` takes no ticket.
public struct Channels: Sendable, Equatable, Codable {
    public var hall: Hall?
    public var office: Office?
    public var online: Online?

    public init(hall: Hall? = nil, office: Office? = nil, online: Online? = nil) {
        self.hall = hall
        self.office = office
        self.online = online
    }

    public struct Hall: Sendable, Equatable, Codable {
        public var visitsPromised: Int
        public init(visitsPromised: Int) { self.visitsPromised = visitsPromised }
    }

    public struct Office: Sendable, Equatable, Codable {
        public var place: String
        public var visitsPromised: Int?
        public init(place: String, visitsPromised: Int? = nil) {
            self.place = place
            self.visitsPromised = visitsPromised
        }
    }

    public struct Online: Sendable, Equatable, Codable {
        public var visitsPromised: Int
        public var url: String?
        public init(visitsPromised: Int, url: String? = nil) {
            self.visitsPromised = visitsPromised
            self.url = url
        }
    }

    /// The promises of the hall and online, as the screens show them.
    public var visitsPromised: VisitsPromised {
        VisitsPromised(online: online?.visitsPromised, hall: hall?.visitsPromised)
    }
}
