import OneWindowCore

extension GuidePage {
    /// 申请材料 as a checklist with an empty box per row, to tick on paper before coming:
    /// bringing every paper the first time is what makes a one-visit case.
    static func materials(_ materials: [Material]) -> String {
        guard !materials.isEmpty else { return section("申请材料", "<p>无需提交材料。</p>") }
        let rows = materials.map { material in
            let cells = [
                material.name,
                material.form.label,
                "\(material.copies) 份",
                material.required ? "必需" : "非必需",
                material.note ?? "",
            ].map { "<td>\(HTML.escape($0))</td>" }
            return "<tr><td class=\"tick\" aria-hidden=\"true\">☐</td>\(cells.joined())</tr>"
        }
        let headers = ["材料名称", "形式", "份数", "是否必需", "备注"].map { "<th scope=\"col\">\($0)</th>" }
        let table = """
            <div class="table-wrap">
            <table class="checklist">
            <caption>带齐后逐项打勾 ☐</caption>
            <thead><tr><th scope="col" class="tick">核对</th>\(headers.joined())</tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            </div>
            """
        return section("申请材料", table)
    }
}
