import OneWindowCore

extension GuidePage {
    static func timeLimit(_ limit: TimeLimit) -> Markup? {
        var pairs = [
            ("承诺办结时限", GuideText.promised(limit)),
            ("法定办结时限", GuideText.statutory(limit)),
        ]
        for step in limit.specialSteps { pairs.append(("\(step.name)（不计入时限）", step.duration)) }
        let body = Markup.group {
            facts(pairs)
            if let note = limit.note { Markup.p { GuideText.typeset(note) } }
        }
        return section("办理时限", body)
    }

    static func result(_ result: ServiceResult) -> Markup? {
        let delivery = result.delivery.map(\.rawValue).joined(separator: "、")
        return section("办理结果", facts([("结果名称", result.name), ("领取方式", delivery)]))
    }

    static func fee(_ fee: Fee) -> Markup? {
        guard !fee.free else {
            let body = Markup.group {
                Markup.p { "不收费。" }
                if let basis = fee.basis { Markup.p { GuideText.typeset(basis) } }
            }
            return section("收费", body)
        }
        var pairs = [("收费标准", fee.amount ?? PublicText.askAtWindow)]
        if let basis = fee.basis { pairs.append(("收费依据", basis)) }
        return section("收费", facts(pairs))
    }

    static func legalBasis(_ bases: [LegalBasis]) -> Markup? {
        let lines = bases.map { basis in basis.articles.map { "\(basis.title) \($0)" } ?? basis.title }
        return section("设定依据", list(lines, tag: "ul", empty: "见窗口公示。"))
    }

    static func faq(_ entries: [FAQEntry]) -> Markup? {
        guard !entries.isEmpty else { return nil }
        let list = Markup.element("dl", [.class("faq")]) {
            for entry in entries { Markup.dt { entry.q }; Markup.dd { GuideText.typeset(entry.a) } }
        }
        return section("常见问题", list)
    }

    /// 事项信息: the national list's own facts, for those who need them (codes, bodies, level).
    static func itemFacts(_ item: ServiceItem) -> Markup? {
        var pairs: [(String, String)] = []
        if let code = item.code { pairs.append(("实施编码", code)) }
        pairs += [
            ("所属分类", item.category),
            ("服务对象", item.serviceObject.map(\.rawValue).joined(separator: "、")),
            ("事项类型", item.itemType.rawValue),
            ("行使层级", item.level.rawValue),
            ("受理机构", item.acceptingBody),
            ("实施主体", item.decidingBody),
        ]
        if let scope = item.scope { pairs.append(("通办范围", scope.rawValue)) }
        var online = item.online.available ? "可网上办理" : "须到现场办理"
        if let note = item.online.note { online += "（\(note)）" }
        pairs.append(("网上办理", online))
        return section("事项信息", facts(pairs))
    }
}
