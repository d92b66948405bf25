/// A materials checklist laid out in pages, so that nothing is ever cut silently: each
/// material with what the guide says about it ("现场填写，无需事先准备"), those missing at the
/// last visit first and marked, and a material never split across two pages.
struct Checklist: Equatable {
    struct Line: Equatable {
        var text: String
        var style: TextStyle
    }

    /// Each page's lines.
    let pages: [[Line]]

    /// Lays `materials` out in pages of at most `rows` lines, `width` columns wide.
    /// `missing` holds the ids (or names) of the materials missing last time.
    init(
        _ materials: [ServiceGuide.Material], missing: Set<String> = [], commonlyMissing: CommonlyMissing? = nil,
        numbered: Bool, width: Int, rows: Int, language l: Language
    ) {
        let flagged = materials.filter { Self.isMissing($0, missing) }
        let ordered = flagged + materials.filter { !Self.isMissing($0, missing) }
        let blocks = ordered.enumerated().map { index, material in
            let isFlagged = index < flagged.count
            let label = numbered ? "\(index + 1). " : "· "
            let indent = String(repeating: " ", count: label.count)
            let mark = isFlagged ? l.pick("【上次缺少】", "[missing last time] ") : ""
            let style = isFlagged ? TextStyle(bold: true, color: .yellow) : TextStyle.plain
            var lines = DisplayWidth.wrap(mark + MaterialText.line(material, l), to: max(8, width - label.count))
                .enumerated().map { Line(text: ($0 == 0 ? label : indent) + $1, style: style) }
            // 常见缺件提醒: the hall's own figure, before anyone queues without it.
            if let often = commonlyMissing?.line(for: material.id, l) {
                lines += DisplayWidth.wrap(often, to: max(8, width - label.count - 2)).map {
                    Line(text: indent + "  " + $0, style: TextStyle(bold: true, color: .yellow))
                }
            }
            if let note = MaterialText.note(material, l) {
                lines += DisplayWidth.wrap(note, to: max(8, width - label.count - 2)).map {
                    Line(text: indent + "  " + $0, style: .dim)
                }
            }
            return lines
        }
        var pages: [[Line]] = []
        var page: [Line] = []
        for block in blocks {
            if !page.isEmpty, page.count + block.count > rows {
                pages.append(page)
                page = []
            }
            // A material longer than a whole page (a very narrow screen) still pages, line by line.
            for line in block {
                if page.count == max(1, rows) {
                    pages.append(page)
                    page = []
                }
                page.append(line)
            }
        }
        if !page.isEmpty || pages.isEmpty { pages.append(page) }
        self.pages = pages
    }

    static func isMissing(_ material: ServiceGuide.Material, _ missing: Set<String>) -> Bool {
        missing.contains(material.name) || (material.id.map(missing.contains) ?? false)
    }

    /// The page to show for a requested page number, within the pages there are.
    func clamped(_ page: Int) -> Int { min(max(0, page), pages.count - 1) }
}

/// One material as a checklist line: name, form, copies, whether it is required; and its note.
enum MaterialText {
    static func line(_ material: ServiceGuide.Material, _ l: Language) -> String {
        let form =
            switch material.form {
            case "original": l.pick("原件", "original")
            case "copy": l.pick("复印件", "copy")
            default: l.pick("原件和复印件", "original and copy")
            }
        let need = material.required ? "" : l.pick("，如有", ", if any")
        // English where the catalogue has it; the Chinese name otherwise, which staff can read.
        let name = l == .en ? (material.nameEn ?? material.name) : material.name
        return l.pick(
            "\(name)（\(form) \(material.copies) 份\(need)）",
            "\(name) (\(form) ×\(material.copies)\(need))")
    }

    /// What the guide says about the material, so no one is told to bring what the hall makes.
    static func note(_ material: ServiceGuide.Material, _ l: Language) -> String? {
        let note = l == .en ? (material.noteEn ?? material.note) : material.note
        guard let note, !note.isEmpty else { return nil }
        return l.pick("注：", "Note: ") + note
    }
}
