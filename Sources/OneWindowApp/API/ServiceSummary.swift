import OneWindowCore

/// A service item as the catalogue list shows it: enough to choose, not the whole guide.
struct ServiceSummary: Encodable {
    var id: String
    var code: String?
    var name: String
    var nameEn: String?
    var category: String
    var itemType: ItemType
    var serviceObject: [ServiceObject]
    var level: ServiceLevel
    var acceptingBody: String
    var decidingBody: String
    var scope: ServiceScope?
    /// 受理渠道: a service without `hall` takes no ticket.
    var channels: Channels
    var onlineAvailable: Bool
    /// Absent until the bureau sets its promise.
    var promisedDays: Int?
    /// The unit of `promisedDays`: 工作日 or 自然日.
    var timeLimitUnit: DayUnit
    var queuePrefix: String
    var updatedAt: String
    /// Where the applicant reads the whole guide.
    var guideUrl: String

    init(_ item: ServiceItem) {
        id = item.id
        code = item.code
        name = item.name
        nameEn = item.nameEn
        category = item.category
        itemType = item.itemType
        serviceObject = item.serviceObject
        level = item.level
        acceptingBody = item.acceptingBody
        decidingBody = item.decidingBody
        scope = item.scope
        channels = item.channels
        onlineAvailable = item.online.available
        promisedDays = item.timeLimit.promisedDays
        timeLimitUnit = item.timeLimit.unit
        queuePrefix = item.queuePrefix
        updatedAt = item.updatedAt
        guideUrl = "/guides/\(item.id)"
    }
}

/// `{"services":[…],"total":N}`.
struct ServiceList: Encodable {
    var services: [ServiceSummary]
    var total: Int

    init(_ items: [ServiceItem]) {
        services = items.map(ServiceSummary.init)
        total = items.count
    }
}

/// The whole guide of one item, plus the windows that take it and its 常见缺件提醒.
struct ServiceGuide: Encodable {
    var item: ServiceItem
    var windows: [WindowReference]
    /// Nil only before the figures are first read (the catalogue snapshot's own copy).
    var commonlyMissing: CommonlyMissing?

    struct WindowReference: Encodable {
        var id: String
        var name: String
    }

    private enum Keys: String, CodingKey { case windows, commonlyMissing }

    init(_ item: ServiceItem, in catalogue: Catalogue, commonlyMissing: CommonlyMissing? = nil) {
        self.item = item
        self.windows = catalogue.windows(serving: item.id).map { WindowReference(id: $0.id, name: $0.name) }
        self.commonlyMissing = commonlyMissing
    }

    func encode(to encoder: any Encoder) throws {
        try item.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(windows, forKey: .windows)
        try container.encodeIfPresent(commonlyMissing, forKey: .commonlyMissing)
    }
}

/// `{"categories":[{"name","count"}…]}`.
struct CategoryList: Encodable {
    var categories: [Category]
}
