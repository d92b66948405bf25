/// A service item as the catalogue list shows it (`GET /api/v1/services`).
public struct ServiceSummary: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var nameEn: String?
    public var category: String
    public var itemType: String?
    public var queuePrefix: String
    /// 自然人 and/or 法人: who may apply; absent from daemons older than the national elements.
    public var serviceObject: [String]?
    /// 受理渠道; nil from a daemon before channels. Without `hall`, the hall takes no ticket for it.
    public var channels: Channels?

    public init(
        id: String, name: String, nameEn: String? = nil, category: String, queuePrefix: String,
        serviceObject: [String]? = nil
    ) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.category = category
        self.queuePrefix = queuePrefix
        self.serviceObject = serviceObject
    }
}

/// The parts of a guide (`GET /api/v1/services/{id}`) that a kiosk shows before a ticket:
/// the key points and the materials checklist.
public struct ServiceGuide: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var nameEn: String?
    public var category: String
    public var materials: [Material]
    public var timeLimit: TimeLimit
    public var fee: Fee
    /// 受理渠道, each with its promise of trips; no `hall`, no ticket.
    public var channels: Channels
    public var place: String
    public var hours: String
    public var queuePrefix: String
    /// Other names people use (低保); the letter keyboard matches their pinyin initials too.
    public var aliases: [String]?
    /// 常见缺件提醒: how often each material was missing at first visits lately; nil from an older daemon.
    public var commonlyMissing: CommonlyMissing?

    /// The promise of trips per channel, read from `channels`.
    public var visitsPromised: VisitsPromised { channels.visitsPromised }

    public struct Material: Sendable, Equatable, Codable {
        /// Stable within the service (the cases API adds it); what a clerk ticks as missing.
        public var id: String?
        public var name: String
        /// The English name, where the catalogue has one (English mode shows it).
        public var nameEn: String?
        /// original, copy or originalAndCopy.
        public var form: String
        public var copies: Int
        public var required: Bool
        /// What the guide says about it, e.g. 现场填写，无需事先准备.
        public var note: String?
        public var noteEn: String?

        public init(
            id: String?, name: String, nameEn: String? = nil, form: String, copies: Int, required: Bool,
            note: String? = nil, noteEn: String? = nil
        ) {
            self.id = id
            self.name = name
            self.nameEn = nameEn
            self.noteEn = noteEn
            self.form = form
            self.copies = copies
            self.required = required
            self.note = note
        }
    }

    /// Null where no law sets a limit, or the bureau has not set its promise yet.
    public struct TimeLimit: Sendable, Equatable, Codable {
        public var statutoryDays: Int?
        public var promisedDays: Int?
        /// 工作日 or 自然日; working days when the daemon does not say.
        public var unit: String?
    }

    public struct Fee: Sendable, Equatable, Codable {
        public var free: Bool
        public var amount: String?
    }

    public init(
        id: String, name: String, category: String, materials: [Material], promisedDays: Int, free: Bool = true,
        visitsPromised: VisitsPromised = VisitsPromised(hall: 1), place: String = "", hours: String = "",
        queuePrefix: String
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.materials = materials
        self.timeLimit = TimeLimit(statutoryDays: promisedDays, promisedDays: promisedDays)
        self.fee = Fee(free: free)
        self.channels = Channels(
            hall: visitsPromised.hall.map(Channels.Hall.init),
            online: visitsPromised.online.map { Channels.Online(visitsPromised: $0) })
        self.place = place
        self.hours = hours
        self.queuePrefix = queuePrefix
    }
}

/// The hall and its windows (`GET /api/v1/hall`).
public struct HallInfo: Sendable, Equatable, Codable {
    public var name: String
    public var nameEn: String?
    public var timeZone: String
    public var windows: [WindowInfo]

    public init(name: String, timeZone: String = "Asia/Shanghai", windows: [WindowInfo]) {
        self.name = name
        self.timeZone = timeZone
        self.windows = windows
    }
}

/// A window, from the hall (which services it takes) or from `GET /api/v1/windows` (its state).
public struct WindowInfo: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var kind: String
    public var services: [String]?
    public var paused: Bool?
    public var currentTicket: String?
    public var currentTicketId: String?

    public init(id: String, name: String, kind: String = "comprehensive", services: [String]? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.services = services
    }

    public func serves(_ serviceId: String) -> Bool {
        kind == "comprehensive" || (services ?? []).contains(serviceId)
    }
}

/// Waiting per queue and the last calls (`GET /api/v1/queue`).
public struct QueueSnapshot: Sendable, Equatable, Codable {
    public var day: String
    public var queues: [Line]
    public var lastCalls: [Call]
    /// What each window can call; nil from a daemon before it said so.
    public var windows: [WindowLine]?

    /// The waiting tickets one window can call: those of the services it takes.
    public struct WindowLine: Sendable, Equatable, Codable {
        public var id: String
        public var callable: Int

        public init(id: String, callable: Int) {
            self.id = id
            self.callable = callable
        }
    }

    public struct Line: Sendable, Equatable, Codable {
        public var prefix: String
        public var waiting: Int
        /// Roughly how long a ticket of this letter taken now would wait; nil when no open
        /// window takes it.
        public var estimatedWaitSeconds: Int?
        /// The minutes to show, as the daemon computes them.
        public var estimatedWaitMinutes: Int?

        public init(prefix: String, waiting: Int, estimatedWaitSeconds: Int? = nil, estimatedWaitMinutes: Int? = nil) {
            self.prefix = prefix
            self.waiting = waiting
            self.estimatedWaitSeconds = estimatedWaitSeconds
            self.estimatedWaitMinutes = estimatedWaitMinutes
        }
    }

    public struct Call: Sendable, Equatable, Codable {
        public var number: String
        public var window: String
        public var calledAt: String

        public init(number: String, window: String, calledAt: String) {
            self.number = number
            self.window = window
            self.calledAt = calledAt
        }
    }

    public init(day: String, queues: [Line], lastCalls: [Call], windows: [WindowLine]? = nil) {
        self.day = day
        self.queues = queues
        self.lastCalls = lastCalls
        self.windows = windows
    }
}
