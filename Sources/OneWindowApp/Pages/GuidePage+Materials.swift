import OneWindowCore

extension GuidePage {
    /// 申请材料 as a checklist with an empty box per row, to tick on paper before coming:
    /// bringing every paper the first time is what makes a one-visit case. A table on a wide
    /// screen and on paper; stacked cards on a phone (the style sheet does that).
    static func materials(_ materials: [Material]) -> String {
        guard !materials.isEmpty else { return section("申请材料", "<p>无需提交材料。</p>", id: "materials") }
        let rows = materials.map { material in
            """
            <tr><td class="tick" aria-hidden="true">☐</td>\
            <th scope="row" class="name">\(GuideText.typeset(material.name))</th>\
            <td class="need">\(HTML.escape(need(material)))</td>\
            <td class="note">\(details(material))</td></tr>
            """
        }
        let table = """
            <div class="table-wrap" tabindex="0" role="region" aria-label="申请材料清单">
            <table class="checklist">
            <caption>带齐后逐项打勾 ☐</caption>
            <thead><tr><th scope="col" class="tick">核对</th><th scope="col">材料名称</th>\
            <th scope="col">要求</th><th scope="col">说明</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            </div>
            """
        return section("申请材料", table, id: "materials", className: "materials")
    }

    /// “原件 · 1 份 · 必需”: the line a phone card shows under the name.
    static func need(_ material: Material) -> String {
        if material.obtainedByHall { return "免提交 · 窗口代为获取" }
        return [material.form.label, "\(material.copies)\(GuideText.unitSpace)份", material.required ? "必需" : "视情况提供"]
            .joined(separator: " · ")
    }

    /// The note, then where the paper comes from, waiving, electronic copies and form links.
    private static func details(_ material: Material) -> String {
        var parts: [String] = []
        if let note = material.note { parts.append(GuideText.typeset(note)) }
        switch material.source {
        case .hall: parts.append("窗口提供格式文本，可到窗口领取填写")
        case .government: parts.append("由政府部门核发")
        case .applicant: break
        }
        if material.obtainedByHall { parts.append("由窗口通过部门共享获取，无需携带") }
        if material.waivable { parts.append("可容缺受理：暂缺时可先受理，按约定时间补交") }
        if material.medium != .paper { parts.append(material.medium == .electronic ? "提交电子版" : "纸质版或电子版均可") }
        var links: [String] = []
        if let url = material.blankFormUrl { links.append("<a href=\"\(HTML.escape(url))\">空白表格</a>") }
        if let url = material.sampleUrl { links.append("<a href=\"\(HTML.escape(url))\">填写示例</a>") }
        if !links.isEmpty { parts.append(links.joined(separator: " ")) }
        return parts.joined(separator: "<br>")
    }

    /// 表格下载: every blank form, as links.
    static func forms(_ forms: [FormDownload]) -> String {
        guard !forms.isEmpty else { return "" }
        let items = forms.map { "<li><a href=\"\(HTML.escape($0.url))\">\(HTML.escape($0.name))</a></li>" }
        return section("表格下载", "<ul>\n\(items.joined(separator: "\n"))\n</ul>", id: "forms")
    }
}
