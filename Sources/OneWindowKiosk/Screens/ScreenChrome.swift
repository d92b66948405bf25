/// What every screen has: a title bar, a heading, a notice line and the keys at the bottom.
/// It hands back the rows left for the screen's own content.
public struct ScreenChrome {
    public var title: String
    public var clock: String?
    public var heading: String?
    public var notice: Notice?
    public var help: String
    /// The footer's keys, drawn before `help`; each is a tap target (返回, 首页, 回车 确认).
    public var keys: [Key] = []
    /// Drawn over the title bar when set: a warning everyone must see, e.g. the idle countdown.
    public var warning: String?

    /// A key of the footer: its label and what tapping it stands for.
    public struct Key: Sendable, Equatable {
        public var label: String
        public var input: InputEvent

        public init(_ label: String, _ input: InputEvent) {
            self.label = label
            self.input = input
        }
    }

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
        if let warning {
            let style = TextStyle(bold: true, reverse: true, color: .yellow)
            buffer.fill(row: 0, style: style)
            buffer.center(warning, row: 0, style: style)
        }
        if let heading {
            // A long heading (an English service name in portrait) takes the blank row under it too.
            var lines = DisplayWidth.wrap(heading, to: buffer.width - 4)
            if lines.count > 2 {
                lines = [lines[0], DisplayWidth.truncate(lines[1...].joined(separator: " "), to: buffer.width - 4)]
            }
            for (offset, line) in lines.enumerated() {
                buffer.write(line, row: 2 + offset, column: 2, style: .bold, maxWidth: buffer.width - 4)
            }
        }
        let bottom = buffer.height - 1
        buffer.fill(row: bottom, style: .reverse)
        let used = buffer.keys(
            keys.map { ("[" + $0.label + "]", $0.input) }, row: bottom, column: 1,
            style: TextStyle(bold: true, reverse: true))
        buffer.write(
            help, row: bottom, column: used == 0 ? 1 : used + 3, style: .reverse,
            maxWidth: buffer.width - used - 4)
        if let notice {
            let style = notice.kind == .problem ? TextStyle(bold: true, color: .red) : TextStyle(color: .cyan)
            for (offset, line) in DisplayWidth.wrap(notice.text, to: buffer.width - 4).prefix(2).reversed()
                .enumerated()
            {
                buffer.write(line, row: bottom - 1 - offset, column: 2, style: style)
            }
        }
        return contentRows(height: buffer.height)
    }

    /// The rows left for a screen's content at `height`, as `draw` leaves them.
    public func contentRows(height: Int) -> ClosedRange<Int> {
        let top = heading == nil ? 1 : 4
        let bottom = height - 1
        return top...max(top, bottom - (notice == nil ? 2 : 4))
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
        // A long item wraps under itself rather than being cut; an item never splits across pages.
        let numberWidth = String(items.count).count
        let indent = String(repeating: " ", count: numberWidth + 2)
        let perPage = max(1, rows.count - 1)
        let blocks = items.map {
            Array(DisplayWidth.wrap($0, to: max(4, width - column - 2 - indent.count)).prefix(perPage))
        }
        var pages: [[Int]] = []
        var current: [Int] = []
        var used = 0
        for (index, block) in blocks.enumerated() {
            if !current.isEmpty, used + block.count > perPage {
                pages.append(current)
                current = []
                used = 0
            }
            current.append(index)
            used += block.count
        }
        if !current.isEmpty || pages.isEmpty { pages.append(current) }
        let page = min(max(0, page), pages.count - 1)
        var row = rows.lowerBound
        for index in pages[page] {
            let number = String(index + 1)
            for (offset, line) in blocks[index].enumerated() {
                let label =
                    offset == 0
                    ? String(repeating: " ", count: numberWidth - number.count) + number + "  " + line : indent + line
                let used = write(label, row: row, column: column, style: style, maxWidth: width - column - 2)
                tapTarget(row: row, columns: 0..<max(column + used, width / 2), input: .select(index + 1))
                row += 1
            }
        }
        if pages.count > 1 {
            pager(page: page, pages: pages.count, row: rows.upperBound, column: column, language: language)
        }
        return pages.count
    }

    /// "第 1/2 页  + 下一页  - 上一页", each key a tap target.
    public mutating func pager(page: Int, pages: Int, row: Int, column: Int, language l: Language, next: Bool = true) {
        var items: [(String, InputEvent?)] = [(l.pick("第 \(page + 1)/\(pages) 页", "page \(page + 1)/\(pages)"), nil)]
        if next, page + 1 < pages { items.append((l.pick("+ 下一页", "+ next"), .text("+"))) }
        if page > 0 { items.append((l.pick("- 上一页", "- previous"), .text("-"))) }
        keys(items, row: row, column: column, style: .dim)
    }

    /// Labels written two columns apart; those with an input are tap targets. Answers the last column used.
    @discardableResult
    public mutating func keys(_ items: [(String, InputEvent?)], row: Int, column: Int, style: TextStyle) -> Int {
        var x = column
        for (label, input) in items {
            let used = write(label, row: row, column: x, style: style)
            guard used > 0 else { break }
            if let input { tapTarget(row: row, columns: max(0, x - 1)..<(x + used + 1), input: input) }
            x += used + 2
        }
        return x == column ? 0 : x - 2
    }
}
