import OneWindowCore

extension GuidePage {
    /// 在线办理, 预约, 表格下载, 进度查询 where the catalogue has links, and 打印本页.
    /// A link whose URL is not one a page may link to (`javascript:` …) is left out.
    static func actions(_ item: ServiceItem) -> Markup {
        var links: [(String, SafeURL?)] = []
        if let url = item.onlineUrl { links.append(("在线办理", SafeURL(url))) }
        if let url = item.bookingUrl { links.append(("预约", SafeURL(url))) }
        switch item.formDownloads.count {
        case 0: break
        case 1: links.append(("表格下载", SafeURL(item.formDownloads[0].url)))
        default: links.append(("表格下载", "#forms"))
        }
        if let url = item.progressUrl { links.append(("进度查询", SafeURL(url))) }
        let shown = links.compactMap { label, url in url.map { (label, $0) } }
        return .element("nav", [.class("actions no-print"), Attribute("aria-label", "办理入口")]) {
            Markup.ul {
                for (label, url) in shown { Markup.li { Markup.a(href: url, .class("button")) { label } } }
                Markup.li {
                    Markup.element(
                        "button",
                        [Attribute("type", "button"), .class("button print-button"), .handler("onclick", "print()")]
                    ) { "打印本页" }
                }
            }
        }
    }

    /// 办事一览: who, what to bring, how long, what it costs, how many visits, where: the six
    /// things an applicant asks first, in their words.
    static func summary(_ item: ServiceItem, hall: Hall) -> Markup? {
        var pairs: [(String, String)] = [
            ("谁可以办", GuideText.serviceObject(item.serviceObject) + "，须符合下方“受理条件”"),
            ("要带什么", bring(item.materials)),
            ("多长时间", duration(item.timeLimit)),
            ("要花多少钱", item.fee.free ? "不收费" : item.fee.amount ?? PublicText.askAtWindow),
            ("要跑几次", GuideText.visits(item.visitsPromised)),
            ("办理渠道", GuideText.channels(item.channels)),
            ("到哪里办", item.place),
            ("网上能办吗", online(item)),
        ]
        if let scope = item.scope { pairs.append(("通办范围", GuideText.scope(scope))) }
        let forwarding = GuideText.forwarding(item, hall: hall)
        let body = Markup.group {
            if let forwarding { Markup.p(.class("forwarding")) { forwarding } }
            facts(pairs)
        }
        return section("办事一览", body, className: "summary")
    }

    private static func bring(_ materials: [Material]) -> String {
        let brought = materials.filter { !$0.obtainedByHall }
        let always = brought.filter(\.required).count
        var text = "\(brought.count)\(GuideText.unitSpace)项材料"
        if always < brought.count { text += "（\(always)\(GuideText.unitSpace)项必带，其余视情况提供）" }
        let obtained = materials.count - brought.count
        if obtained > 0 { text += "；另有\(GuideText.unitSpace)\(obtained)\(GuideText.unitSpace)项由窗口代为获取，无需携带" }
        return text + "，见下方“申请材料”"
    }

    private static func duration(_ limit: TimeLimit) -> String {
        switch (limit.promisedDays, limit.statutoryDays) {
        case (0, _): "当场办结"
        case (let promised?, _): "承诺 \(GuideText.days(promised, limit.unit))内办结"
        case (nil, let statutory?): "法定 \(GuideText.days(statutory, limit.unit))内办结，本局承诺时限请咨询窗口"
        case (nil, nil): "请咨询窗口"
        }
    }

    private static func online(_ item: ServiceItem) -> String {
        guard item.online.available else { return "目前须到现场办理" }
        if item.onlineUrl != nil { return "可以，点上方“在线办理”" }
        return item.online.note.map { "可以：\($0)" } ?? "可以，网上办理入口请咨询窗口"
    }
}
