import OneWindowCore

/// A service item as the catalogue list shows it: enough to choose, not the whole guide.
struct ServiceSummary: Encodable {
    var id: String
    var name: String
    var nameEn: String?
    var category: String
    var itemType: String
    var department: String
    var visitsPromised: Int
    var onlineAvailable: Bool
    var promisedDays: Int
    var queuePrefix: String
    /// Where the applicant reads the whole guide.
    var guideUrl: String

    init(_ item: ServiceItem) {
        id = item.id
        name = item.name
        nameEn = item.nameEn
        category = item.category
        itemType = item.itemType
        department = item.department
        visitsPromised = item.visitsPromised
        onlineAvailable = item.online.available
        promisedDays = item.timeLimit.promisedDays
        queuePrefix = item.queuePrefix
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

/// The whole guide of one item, plus the windows that take it.
struct ServiceGuide: Encodable {
    var item: ServiceItem
    var windows: [WindowReference]

    struct WindowReference: Encodable {
        var id: String
        var name: String
    }

    private enum Keys: String, CodingKey { case windows }

    init(_ item: ServiceItem, in catalogue: Catalogue) {
        self.item = item
        self.windows = catalogue.windows(serving: item.id).map { WindowReference(id: $0.id, name: $0.name) }
    }

    func encode(to encoder: any Encoder) throws {
        try item.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(windows, forKey: .windows)
    }
}

/// `{"categories":[{"name","count"}…]}`.
struct CategoryList: Encodable {
    var categories: [Category]
}
