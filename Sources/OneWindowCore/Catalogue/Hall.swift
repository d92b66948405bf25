/// The service hall itself: its name, its clock and its windows.
public struct Hall: Sendable, Equatable, Encodable {
    public var name: String
    public var nameEn: String?
    /// IANA time zone of the hall, e.g. `Asia/Shanghai`; the hall's day is counted in it.
    public var timeZone: String
    public var address: String
    public var hours: String
    public var windows: [Window]
    /// Public holidays (`yyyy-MM-dd`) on which the hall is closed though they fall on weekdays;
    /// deadlines in working days skip them.
    public var holidays: [String]
    /// Weekend days (`yyyy-MM-dd`) that are working days (调休).
    public var workdays: [String]
    /// The hall's appointment (预约) settings; nil when it takes no bookings.
    public var appointments: AppointmentSettings?

    public init(
        name: String, nameEn: String? = nil, timeZone: String, address: String, hours: String, windows: [Window],
        holidays: [String] = [], workdays: [String] = [], appointments: AppointmentSettings? = nil
    ) {
        self.name = name
        self.nameEn = nameEn
        self.timeZone = timeZone
        self.address = address
        self.hours = hours
        self.windows = windows
        self.holidays = holidays
        self.workdays = workdays
        self.appointments = appointments
    }

    /// The hall's working-day calendar.
    public var workingDays: WorkingDays { WorkingDays(holidays: Set(holidays), workdays: Set(workdays)) }
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
