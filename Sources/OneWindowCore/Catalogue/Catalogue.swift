/// What the hall offers: the hall with its windows, and the service catalogue.
///
/// A `Catalogue` is only ever made by `CatalogueLoader`, so one that exists has passed
/// every check; the rest of the system can trust it.
public struct Catalogue: Sendable, Equatable {
    public let hall: Hall
    /// Service items in file order.
    public let services: [ServiceItem]

    private let indexById: [String: Int]

    /// Builds a catalogue from already checked parts. Use `CatalogueLoader` for files.
    public init(hall: Hall, services: [ServiceItem]) {
        self.hall = hall
        self.services = services
        var index: [String: Int] = [:]
        for (offset, item) in services.enumerated() where index[item.id] == nil {
            index[item.id] = offset
        }
        self.indexById = index
    }

    public func service(id: String) -> ServiceItem? {
        indexById[id].map { services[$0] }
    }

    /// Categories in the order they first appear in the file, with how many items each has.
    public var categories: [Category] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for item in services {
            if counts[item.category] == nil { order.append(item.category) }
            counts[item.category, default: 0] += 1
        }
        return order.map { Category(name: $0, count: counts[$0]!) }
    }

    /// The windows that take the given service item: none when the hall does not receive it
    /// (no hall channel), whatever a comprehensive window would take.
    public func windows(serving serviceId: String) -> [Window] {
        guard service(id: serviceId)?.receivedInHall ?? true else { return [] }
        return hall.windows.filter { $0.serves(serviceId) }
    }
}

/// A category of service items, e.g. 婚姻登记.
public struct Category: Sendable, Equatable, Encodable {
    public var name: String
    public var count: Int

    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }
}
