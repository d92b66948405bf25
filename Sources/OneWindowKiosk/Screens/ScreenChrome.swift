/// What every screen has: a title bar, a heading, a notice line and the keys at the bottom.
/// It hands back the rows left for the screen's own content.
public struct ScreenChrome {
    public var title: String
    public var clock: String?
    public var heading: String?
    public var notice: Notice?
    public var help: String

    /// A line of news for the person: progress, a problem, a confirmation.
    public struct Notice: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case info, problem }
        public var text: String
        public var kind: Kind

        public init(_ text: String, kind: Kind = .info) {
            self.text = text
            self.kind = kind
        }
    }

    public init(title: String, clock: String? = nil, heading: String? = nil, notice: Notice? = nil, help: String) {
        self.title = title
        self.clock = clock
        self.heading = heading
        self.notice = notice
        self.help = help
    }

    /// Draws the frame and answers the first and last content rows.
    @discardableResult
    public func draw(into buffer: inout ScreenBuffer) -> ClosedRange<Int> {
        let bar = TextStyle(bold: true, reverse: true)
        buffer.fill(row: 0, style: bar)
        buffer.write(" " + title, row: 0, column: 0, style: bar, maxWidth: buffer.width - 8)
        if let clock {
            buffer.write(clock, row: 0, column: buffer.width - DisplayWidth.of(clock) - 1, style: bar)
        }
        var top = 1
        if let heading {
            buffer.write(heading, row: 2, column: 2, style: .bold, maxWidth: buffer.width - 4)
            top = 4
        }
        let bottom = buffer.height - 1
        buffer.fill(row: bottom, style: .reverse)
        buffer.write(" " + help, row: bottom, column: 0, style: .reverse)
        if let notice {
            let style = notice.kind == .problem ? TextStyle(bold: true, color: .red) : TextStyle(color: .cyan)
            for (offset, line) in DisplayWidth.wrap(notice.text, to: buffer.width - 4).prefix(2).reversed()
                .enumerated()
            {
                buffer.write(line, row: bottom - 1 - offset, column: 2, style: style)
            }
            return top...(bottom - 4)
        }
        return top...(bottom - 2)
    }
}

extension ScreenBuffer {
    /// A numbered list of choices in `rows`, page `page` of it; each line is a tap target.
    /// Answers how many pages there are.
    @discardableResult
    public mutating func choices(
        _ items: [String], rows: ClosedRange<Int>, page: Int, column: Int = 4, style: TextStyle = .plain,
        language: Language
    ) -> Int {
        let perPage = max(1, rows.count - 1)
        let pages = max(1, (items.count + perPage - 1) / perPage)
        let page = min(max(0, page), pages - 1)
        let numberWidth = String(items.count).count
        for (offset, index) in (page * perPage..<min(items.count, (page + 1) * perPage)).enumerated() {
            let row = rows.lowerBound + offset
            let number = String(index + 1)
            let label = String(repeating: " ", count: numberWidth - number.count) + number + "  " + items[index]
            let used = write(label, row: row, column: column, style: style, maxWidth: width - column - 2)
            tapTarget(row: row, columns: 0..<max(column + used, width / 2), input: .select(index + 1))
        }
        if pages > 1 {
            let hint = language.pick(
                "第 \(page + 1)/\(pages) 页  + 下一页  - 上一页", "page \(page + 1)/\(pages)  + next  - previous")
            write(hint, row: rows.upperBound, column: column, style: .dim)
        }
        return pages
    }
}
