/// The service hall itself: its name, its clock and its windows.
public struct Hall: Sendable, Equatable, Encodable {
    public var name: String
    public var nameEn: String?
    /// IANA time zone of the hall, e.g. `Asia/Shanghai`; the hall's day is counted in it.
    public var timeZone: String
    public var address: String
    public var hours: String
    public var windows: [Window]

    public init(
        name: String, nameEn: String? = nil, timeZone: String, address: String, hours: String, windows: [Window]
    ) {
        self.name = name
        self.nameEn = nameEn
        self.timeZone = timeZone
        self.address = address
        self.hours = hours
        self.windows = windows
    }
}

/// A window (窗口) where a clerk serves applicants.
public struct Window: Sendable, Equatable, Encodable {
    public enum Kind: String, Sendable, Equatable, Encodable, CaseIterable {
        /// 综合窗口: takes any service item, the one-window principle.
        case comprehensive
        /// 专窗: takes only the items it lists.
        case specialised
    }

    /// Short id shown on the board, e.g. `"3"` for 3号窗口.
    public var id: String
    public var name: String
    public var kind: Kind
    /// The service ids a specialised window takes; empty for a comprehensive one.
    public var services: [String]

    public init(id: String, name: String, kind: Kind, services: [String] = []) {
        self.id = id
        self.name = name
        self.kind = kind
        self.services = services
    }

    /// Whether this window takes the given service item.
    public func serves(_ serviceId: String) -> Bool {
        kind == .comprehensive || services.contains(serviceId)
    }
}
