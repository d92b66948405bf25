/// 常见缺件提醒: of a service's first visits in the last `days` hall days, the share that lacked
/// each material, from the one metrics fold (`DayStats.firstVisits`, `firstVisitMissed`).
/// Below `minimumFirstVisits` first visits nothing is shown (`shown` false, no materials), so
/// small numbers mislead no one.
public struct CommonlyMissing: Sendable, Equatable, Codable {
    public struct Setting: Sendable, Equatable {
        /// How many hall days back, today included.
        public var days: Int
        /// First visits needed before any share is shown.
        public var minimumFirstVisits: Int

        public init(days: Int = 90, minimumFirstVisits: Int = 20) {
            self.days = days
            self.minimumFirstVisits = minimumFirstVisits
        }
    }

    public struct Entry: Sendable, Equatable, Codable {
        public var materialId: String
        /// First visits in the window that lacked it.
        public var firstVisitsMissing: Int
        /// `firstVisitsMissing` ÷ `firstVisits`, to four decimals.
        public var share: Double
    }

    public var days: Int
    public var minimumFirstVisits: Int
    /// First visits of the service in the window.
    public var firstVisits: Int
    public var shown: Bool
    /// Materials of the guide missed at least once, most often first; empty unless `shown`.
    public var materials: [Entry]

    /// The window's first hall day: `setting.days` back, today included.
    public static func firstDay(today: String, setting: Setting) -> String {
        WorkingDays.date(today).map {
            WorkingDays.text($0.addingTimeInterval(-86_400 * Double(max(0, setting.days - 1))))
        } ?? today
    }

    /// From the summed days of the window; `materialIds` are the guide's, in its order, so a
    /// material no longer in the guide is not shown.
    public init(_ stats: DayStats?, materialIds: [String], setting: Setting) {
        days = setting.days
        minimumFirstVisits = setting.minimumFirstVisits
        firstVisits = stats?.firstVisits ?? 0
        shown = firstVisits >= setting.minimumFirstVisits && firstVisits > 0
        guard shown, let stats else {
            materials = []
            return
        }
        let first = firstVisits
        materials = materialIds.compactMap { id -> Entry? in
            guard let count = stats.firstVisitMissed[id], count > 0 else { return nil }
            return Entry(
                materialId: id, firstVisitsMissing: count,
                share: (Double(count) / Double(first) * 10_000).rounded() / 10_000)
        }
        .enumerated().sorted { ($0.element.share, -$0.offset) > ($1.element.share, -$1.offset) }.map(\.element)
    }
}

extension MetricsBook {
    /// 常见缺件提醒 of every service in `catalogue`, over the `setting.days` hall days up to `today`.
    public func commonlyMissing(
        catalogue: Catalogue, today: String, setting: CommonlyMissing.Setting
    ) -> [String: CommonlyMissing] {
        let sums = sum(from: CommonlyMissing.firstDay(today: today, setting: setting), to: today)
        var result: [String: CommonlyMissing] = [:]
        for item in catalogue.services {
            result[item.id] = CommonlyMissing(sums[item.id], materialIds: item.materials.map(\.id), setting: setting)
        }
        return result
    }
}
