import OneWindowCore

/// The guide's fixed wording, shared by the search results and the guide itself,
/// so a promise reads the same everywhere the applicant sees it.
enum GuideText {
    /// The promise per channel: the hall's alone as before (最多跑一次), both when the online
    /// one differs (网上办零跑动，到大厅最多跑一次), and 大厅不受理 without a hall promise.
    static func visits(_ promised: VisitsPromised) -> String {
        switch (promised.online, promised.hall) {
        case (nil, let hall?): visits(hall)
        case (let online?, let hall?) where online == hall: visits(hall)
        case (let online?, let hall?): "网上办\(visits(online))，到大厅\(visits(hall))"
        case (let online?, nil): "网上办\(visits(online))（大厅不受理）"
        case (nil, nil): "大厅不受理"
        }
    }

    /// 受理渠道 in one line: each way to apply with its promise of trips, and 本大厅不受理 first
    /// when the hall does not receive the service, so no one queues here for it.
    static func channels(_ channels: Channels) -> String {
        var ways: [String] = []
        if let hall = channels.hall { ways.append("本大厅窗口（\(visits(hall.visitsPromised))）") }
        if let office = channels.office {
            ways.append(office.place + (office.visitsPromised.map { "（\(visits($0))）" } ?? ""))
        }
        if let online = channels.online { ways.append("网上办理（\(visits(online.visitsPromised))）") }
        let text = ways.joined(separator: "；")
        return channels.hall == nil ? "本大厅不受理此事项，请通过以下渠道办理：" + text : text
    }

    /// 到现场次数 as one channel promises it: 零跑动, 最多跑一次, 最多跑两次.
    static func visits(_ count: Int) -> String {
        switch count {
        case ...0: "零跑动"
        case 1: "最多跑一次"
        case 2: "最多跑两次"
        default: "最多跑\(count)次"
        }
    }

    /// Whether the item can be applied for online, in a few characters.
    static func online(_ online: OnlineService) -> String {
        online.available ? "可网上办理" : "不可网上办理"
    }

    /// A time limit; 0 is 当场办结, the one word the hall uses for an 即办件.
    static func days(_ count: Int, _ unit: DayUnit) -> String {
        switch (count, unit) {
        case (0, _): "当场办结"
        case (_, .workingDays): "\(count)\(unitSpace)个工作日"
        case (_, .naturalDays): "\(count)\(unitSpace)日"
        }
    }

    /// Between a number and its unit: a space that never breaks the line (20 个工作日, 1 份).
    static let unitSpace = "\u{00A0}"

    /// 承诺办结时限, or where to ask while the bureau has not set one.
    static func promised(_ limit: TimeLimit) -> String {
        limit.promisedDays.map { days($0, limit.unit) } ?? PublicText.askAtWindow
    }

    /// The limit in a few words for lists: the promise, else the statutory limit, else nothing.
    static func shortLimit(_ limit: TimeLimit) -> String? {
        if let promised = limit.promisedDays { return days(promised, limit.unit) }
        return limit.statutoryDays.map { "法定\(days($0, limit.unit))" }
    }

    /// 法定办结时限, saying plainly when no law sets one.
    static func statutory(_ limit: TimeLimit) -> String {
        limit.statutoryDays.map { days($0, limit.unit) } ?? "法律法规未规定"
    }

    /// 服务对象 in the applicant's words.
    static func serviceObject(_ objects: [ServiceObject]) -> String {
        objects.map { $0 == .individual ? "个人" : "法人和其他组织" }.joined(separator: "、")
    }

    /// The one plain sentence for an item received by one body and decided by another; when
    /// the receiving body is the hall's own (大连市民政局 of 大连市民政局政务服务大厅) it says 本大厅.
    static func forwarding(_ item: ServiceItem, hall: Hall) -> String? {
        guard item.isForwarded else { return nil }
        let act = item.itemType == .licensing ? "审批" : "办理"
        let receiver = hall.name.hasPrefix(item.acceptingBody) ? "本大厅" : item.acceptingBody
        return "\(receiver)受理申请，转交\(item.decidingBody)\(act)。"
    }

    /// 通办范围 with what it means for the applicant.
    static func scope(_ scope: ServiceScope) -> String {
        switch scope {
        case .city: "全市通办：在本市范围内均可申请"
        case .province: "全省通办：在本省范围内均可申请"
        case .nationwide: "全国通办：在全国范围内均可申请，不限户籍所在地"
        case .crossProvince: "跨省通办：可在外省异地申请"
        }
    }

    /// `text`, with each time range such as 13:00–16:30 kept on one line.
    static func typeset(_ text: String) -> Markup {
        var parts: [Markup] = []
        var rest = text[...]
        while let match = rest.firstMatch(of: timeRange) {
            parts.append(.text(String(rest[..<match.range.lowerBound])))
            parts.append(.span(.class("nowrap")) { String(match.output) })
            rest = rest[match.range.upperBound...]
        }
        parts.append(.text(String(rest)))
        return .fragment(parts)
    }

    nonisolated(unsafe) private static let timeRange = /[0-9]{1,2}:[0-9]{2}\s*[–—~-]\s*[0-9]{1,2}:[0-9]{2}/
}
