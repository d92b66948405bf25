/// The bad reviews (rating ≤ 2) made in a range, per service, counted by where they stand on a
/// day `today`: all that a report (`HallMetrics.Satisfaction`) and the disclosure
/// (`Disclosure.Figures`) read of them. Reports take counts, not lists, so no review is copied
/// or grouped for one; counts add, so the city sums halls, and a period sums its days.
public struct BadReviewCounts: Sendable, Equatable {
    /// One service's (or the hall's) bad reviews of the range.
    public struct Count: Sendable, Equatable {
        /// Not rectified.
        public var open = 0
        /// Of the open ones, past their deadline on `today` (the deadline is a hall day,
        /// `due < today`); one without a deadline is never overdue.
        public var overdue = 0
        /// Rectified, whenever.
        public var rectified = 0
        /// Of the rectified ones, rectified on or before the deadline's hall day (or without one).
        public var rectifiedInTime = 0

        public init(open: Int = 0, overdue: Int = 0, rectified: Int = 0, rectifiedInTime: Int = 0) {
            self.open = open
            self.overdue = overdue
            self.rectified = rectified
            self.rectifiedInTime = rectifiedInTime
        }

        public mutating func add(_ other: Count) {
            open += other.open
            overdue += other.overdue
            rectified += other.rectified
            rectifiedInTime += other.rectifiedInTime
        }
    }

    /// Per service id; a service without bad reviews in the range is left out.
    public private(set) var services: [String: Count] = [:]

    public init() {}

    /// The counts of one service: zeros for a service not listed.
    public subscript(serviceId: String) -> Count {
        services[serviceId] ?? Count()
    }

    /// All services' counts added.
    public var total: Count {
        var total = Count()
        for count in services.values { total.add(count) }
        return total
    }

    /// Adds `count` to service `serviceId`'s.
    public mutating func add(_ count: Count, serviceId: String) {
        services[serviceId, default: Count()].add(count)
    }

    /// Adds every service's counts of `other` (another hall's, another part of the range).
    public mutating func add(_ other: BadReviewCounts) {
        for (serviceId, count) in other.services { add(count, serviceId: serviceId) }
    }

    /// Counts one bad review of service `serviceId` with deadline `due` (a hall day), rectified
    /// on hall day `rectifiedOn` (nil: not rectified), as it stands on `today`: the one
    /// definition (the city's SQL counts the same way, `CityStore.figures`).
    public mutating func count(serviceId: String, due: String?, rectifiedOn: String?, today: String) {
        add(Self.count(due: due, rectifiedOn: rectifiedOn, today: today), serviceId: serviceId)
    }

    /// The count of one bad review: see `count(serviceId:due:rectifiedOn:today:)`. Days are
    /// hall days as text (yyyy-MM-dd) or as day numbers, which order alike.
    public static func count<Day: Comparable>(due: Day?, rectifiedOn: Day?, today: Day) -> Count {
        count(due: due, rectifiedInTime: rectifiedOn.map { on in due.map { on <= $0 } ?? true }, today: today)
    }

    /// The count of one bad review whose rectification is known only as in time or not
    /// (`rectifiedInTime`, nil: not rectified): what the stored evaluations say, whose
    /// rectification is an instant (`Storage.badReviewCountsByDay`).
    public static func count<Day: Comparable>(due: Day?, rectifiedInTime: Bool?, today: Day) -> Count {
        guard let rectifiedInTime else {
            return Count(open: 1, overdue: due.map { $0 < today } ?? false ? 1 : 0)
        }
        return Count(rectified: 1, rectifiedInTime: rectifiedInTime ? 1 : 0)
    }

    /// The counts of the days `from`…`to` (hall days, inclusive) of `days`, counts per hall day.
    public init(days: [String: BadReviewCounts], from: String, to: String) {
        for (day, counts) in days where day >= from && day <= to { add(counts) }
    }

    /// Only service `serviceId`'s counts (all of them for nil).
    public func only(_ serviceId: String?) -> BadReviewCounts {
        guard let serviceId else { return self }
        var only = BadReviewCounts()
        if let count = services[serviceId] { only.services[serviceId] = count }
        return only
    }
}
