import Foundation

extension BoardDisplay {
    public func render(into buffer: inout ScreenBuffer, now: Date) {
        let l = language
        let chrome = ScreenChrome(
            title: (hallName ?? l.pick("政务服务大厅", "Service hall")) + "  " + l.pick("叫号信息", "Calls"),
            clock: HallTime(identifier: nil).clock(now),
            notice: live ? nil : .init(l.pick("连接中断，正在重新连接…", "Disconnected; reconnecting…"), kind: .problem),
            help: l.pick("请留意叫号，过号需重新取号", "Please watch for your number"))
        let rows = chrome.draw(into: &buffer)
        let stale = !live
        // The waiting per letter first, from the bottom up: every letter, on as many lines as it takes.
        let waiting = waitingLines(width: buffer.width - 4)
        let waitingTop = rows.upperBound - waiting.count + 1
        for (offset, line) in waiting.enumerated() {
            buffer.write(line, row: waitingTop + offset, column: 2, style: stale ? .dim : .bold)
        }
        var row = rows.lowerBound + 1
        guard let current else {
            buffer.center(l.pick("暂无叫号", "No calls yet"), row: row + 3, style: .bold)
            return
        }
        let highlighted = !stale && (highlightUntil.map { now < $0 } ?? false)
        let numberStyle = stale ? TextStyle.dim : TextStyle(bold: true, reverse: highlighted, color: .yellow)
        let recent = Array((queue?.lastCalls ?? []).filter { $0.number != current.number }.prefix(6))
        // Large recent calls need 7 rows and every one of them across the width; else one line each way.
        let bigRecent = !recent.isEmpty && recent.count * 16 - 4 <= buffer.width - 4
        let below = recent.isEmpty ? 0 : (bigRecent ? 8 : 3)
        let spare = waitingTop - row - 3 - below
        let scale = BigText.scale(for: current.number, columns: buffer.width - 4, rows: spare)
        row += buffer.bigText(current.number, row: row, scale: scale, style: numberStyle)
        row += 1
        let window =
            current.windowName ?? windowName(current.window)
            ?? l.pick("\(current.window)号窗口", "window \(current.window)")
        let again = current.recalled ? l.pick("（重呼）", " (again)") : ""
        buffer.center(
            l.pick("请 \(current.number) 号到 \(window) 办理\(again)", "\(current.number), please go to \(window)\(again)"),
            row: row,
            style: stale ? .dim : .bold)
        row += 2
        if bigRecent, row + 7 < waitingTop {
            renderRecent(recent, row: row, into: &buffer, stale: stale)
        } else if !recent.isEmpty {
            renderRecentLine(recent, row: row, before: waitingTop, into: &buffer, stale: stale)
        }
    }

    /// The last calls, each number in large characters with its window under it.
    private func renderRecent(_ calls: [QueueSnapshot.Call], row: Int, into buffer: inout ScreenBuffer, stale: Bool) {
        let l = language
        buffer.write(l.pick("最近叫号", "Recent calls"), row: row, column: 2, style: .dim)
        var column = 2
        for call in calls {
            let width = max(BigText.width(call.number), 12)
            for (offset, line) in BigText.rows(call.number).enumerated() {
                buffer.write(line, row: row + 1 + offset, column: column, style: stale ? .dim : .plain)
            }
            buffer.write(
                l.pick("\(call.window)号窗口", "window \(call.window)"), row: row + 1 + BigText.height, column: column,
                style: stale ? .dim : .plain)
            column += width + 4
        }
    }

    /// The last calls in plain text where large ones do not fit: "A011 → 2号窗口", shortened to
    /// "A011→2" when the full items need more lines than there are, never cut in the middle.
    private func renderRecentLine(
        _ calls: [QueueSnapshot.Call], row: Int, before limit: Int, into buffer: inout ScreenBuffer, stale: Bool
    ) {
        let l = language
        let label = l.pick("最近叫号：", "Recent: ")
        let columns = buffer.width - 4 - DisplayWidth.of(label)
        let rowsLeft = max(1, limit - row - 1)
        let full = Self.flow(
            calls.map { l.pick("\($0.number) → \($0.window)号窗口", "\($0.number) → \($0.window)") }, columns)
        let lines =
            full.count <= rowsLeft ? full : Self.flow(calls.map { "\($0.number)→\($0.window)" }, columns, gap: "  ")
        for (offset, line) in lines.prefix(rowsLeft).enumerated() {
            if offset == 0 { buffer.write(label, row: row, column: 2, style: .dim) }
            buffer.write(line, row: row + offset, column: 2 + DisplayWidth.of(label), style: stale ? .dim : .plain)
        }
    }

    /// Each queue letter with its waiting count and the wait a ticket taken now can expect, flowed
    /// over at most two lines; shortened ("A 3人 约9分") when the full text needs more.
    func waitingLines(width: Int) -> [String] {
        let l = language
        let queues = queue?.queues ?? []
        guard !queues.isEmpty else { return [] }
        let full = queues.map { line in
            let wait =
                line.waiting > 0 ? line.estimatedWaitMinutes.map { " " + HallTime.wait(minutes: $0, l) } ?? "" : ""
            return l.pick(
                "\(line.prefix) 等候 \(line.waiting) 人\(wait)", "\(line.prefix): \(line.waiting) waiting\(wait)")
        }
        let lines = Self.flow(full, width)
        guard lines.count > 2 else { return lines }
        let short = queues.map { line in
            let wait = line.waiting > 0 ? line.estimatedWaitMinutes.map { l.pick(" 约\($0)分", " ~\($0)m") } ?? "" : ""
            return l.pick("\(line.prefix) \(line.waiting)人\(wait)", "\(line.prefix) \(line.waiting)\(wait)")
        }
        return Self.flow(short, width, gap: "  ")
    }

    /// Items joined with `gap` into lines of at most `width` columns; an item is never split.
    static func flow(_ items: [String], _ width: Int, gap: String = "    ") -> [String] {
        var lines: [String] = []
        for item in items {
            if let last = lines.last, DisplayWidth.of(last + gap + item) <= width {
                lines[lines.count - 1] = last + gap + item
            } else {
                lines.append(item)
            }
        }
        return lines
    }
}
