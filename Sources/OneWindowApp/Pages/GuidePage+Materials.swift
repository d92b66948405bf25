import OneWindowCore

extension GuidePage {
    /// 申请材料 as a checklist with an empty box per row, to tick on paper before coming:
    /// bringing every paper the first time is what makes a one-visit case. A table on a wide
    /// screen and on paper; stacked cards on a phone (the style sheet does that).
    static func materials(_ materials: [Material], missing: CommonlyMissing? = nil) -> Markup? {
        guard !materials.isEmpty else { return section("申请材料", .p { "无需提交材料。" }, id: "materials") }
        let region = [
            .class("table-wrap"), Attribute("tabindex", "0"), Attribute("role", "region"),
            Attribute("aria-label", "申请材料清单"),
        ]
        let table = Markup.element("div", region) {
            Markup.element("table", [.class("checklist")]) {
                Markup.element("caption") { "带齐后逐项打勾 ☐" }
                Markup.element("thead") {
                    Markup.element("tr") {
                        Markup.th(Attribute("scope", "col"), .class("tick")) { "核对" }
                        Markup.th(Attribute("scope", "col")) { "材料名称" }
                        Markup.th(Attribute("scope", "col")) { "要求" }
                        Markup.th(Attribute("scope", "col")) { "说明" }
                    }
                }
                Markup.element("tbody") {
                    for material in materials {
                        Markup.element("tr") {
                            Markup.td(.class("tick"), Attribute("aria-hidden", "true")) { "☐" }
                            Markup.th(Attribute("scope", "row"), .class("name")) {
                                GuideText.typeset(material.name)
                                // A plain translation beside the name that counts, as under the title.
                                if let nameEn = material.nameEn {
                                    Markup.span(.class("en"), Attribute("lang", "en")) { nameEn }
                                }
                            }
                            Markup.td(.class("need")) { need(material) }
                            Markup.td(.class("note")) {
                                details(material)
                                if let mark = missedMark(material.id, missing) { Markup.p(.class("missed")) { mark } }
                            }
                        }
                    }
                }
            }
        }
        return section("申请材料", table, id: "materials", className: "materials")
    }

    /// 常见缺件提醒: “近90天 32% 的申请人首次办理时缺少此项”, only where the figures are shown.
    static func missedMark(_ materialId: String, _ missing: CommonlyMissing?) -> String? {
        guard let missing, missing.shown,
            let entry = missing.materials.first(where: { $0.materialId == materialId })
        else { return nil }
        let percent = Int((entry.share * 100).rounded())
        return "常见缺件：近\(missing.days)天 \(percent)% 的申请人首次办理时缺少此项"
    }

    /// “原件 · 1 份 · 必需”: the line a phone card shows under the name.
    static func need(_ material: Material) -> String {
        if material.obtainedByHall { return "免提交 · 窗口代为获取" }
        return [material.form.label, "\(material.copies)\(GuideText.unitSpace)份", material.required ? "必需" : "视情况提供"]
            .joined(separator: " · ")
    }

    /// The note, then where the paper comes from, waiving, electronic copies and form links.
    private static func details(_ material: Material) -> Markup {
        var parts: [Markup] = []
        if let note = material.note { parts.append(GuideText.typeset(note)) }
        switch material.source {
        case .hall: parts.append(.text("窗口提供格式文本，可到窗口领取填写"))
        case .government: parts.append(.text("由政府部门核发"))
        case .applicant: break
        }
        if material.obtainedByHall { parts.append(.text("由窗口通过部门共享获取，无需携带")) }
        if material.waivable { parts.append(.text("可容缺受理：暂缺时可先受理，按约定时间补交")) }
        if material.medium != .paper { parts.append(.text(material.medium == .electronic ? "提交电子版" : "纸质版或电子版均可")) }
        var links: [Markup] = []
        if let url = material.blankFormUrl.flatMap(SafeURL.init) { links.append(.a(href: url) { "空白表格" }) }
        if let url = material.sampleUrl.flatMap(SafeURL.init) { links.append(.a(href: url) { "填写示例" }) }
        if !links.isEmpty { parts.append(.joined(links, separator: " ")) }
        var lines: [Markup] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { lines.append(.void("br")) }
            lines.append(part)
        }
        return .fragment(lines)
    }

    /// 表格下载: every blank form, as links (its name alone if its URL is not one to link to).
    static func forms(_ forms: [FormDownload]) -> Markup? {
        guard !forms.isEmpty else { return nil }
        let list = Markup.ul {
            for form in forms {
                Markup.li {
                    if let url = SafeURL(form.url) { Markup.a(href: url) { form.name } } else { form.name }
                }
            }
        }
        return section("表格下载", list, id: "forms")
    }
}
