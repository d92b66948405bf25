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
        var row = rows.lowerBound + 1
        let stale = !live
        guard let current else {
            buffer.center(l.pick("暂无叫号", "No calls yet"), row: row + 3, style: .bold)
            renderWaiting(from: rows.upperBound - 1, into: &buffer, stale: stale)
            return
        }
        let highlighted = !stale && (highlightUntil.map { now < $0 } ?? false)
        let numberStyle = stale ? TextStyle.dim : TextStyle(bold: true, reverse: highlighted, color: .yellow)
        let recent = Array((queue?.lastCalls ?? []).filter { $0.number != current.number }.prefix(6))
        // Double size when the rows allow it with the last calls (7 rows) and the waiting line below.
        let spare = rows.count - 4 - (recent.isEmpty ? 0 : 8)
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
        if !recent.isEmpty, row + 7 < rows.upperBound {
            renderRecent(recent, row: row, into: &buffer, stale: stale)
        }
        renderWaiting(from: rows.upperBound - 1, into: &buffer, stale: stale)
    }

    /// The last calls, each number in large characters with its window under it, as many as fit.
    private func renderRecent(_ calls: [QueueSnapshot.Call], row: Int, into buffer: inout ScreenBuffer, stale: Bool) {
        let l = language
        buffer.write(l.pick("最近叫号", "Recent calls"), row: row, column: 2, style: .dim)
        var column = 2
        for call in calls {
            let width = max(BigText.width(call.number), 12)
            if column + width > buffer.width - 2 { break }
            for (offset, line) in BigText.rows(call.number).enumerated() {
                buffer.write(line, row: row + 1 + offset, column: column, style: stale ? .dim : .plain)
            }
            buffer.write(
                l.pick("\(call.window)号窗口", "window \(call.window)"), row: row + 1 + BigText.height, column: column,
                style: stale ? .dim : .plain)
            column += width + 4
        }
    }

    private func renderWaiting(from row: Int, into buffer: inout ScreenBuffer, stale: Bool) {
        let l = language
        // With the wait a ticket taken now can expect, where someone waits and a window is open.
        let lines = (queue?.queues ?? []).map { line in
            let wait =
                line.waiting > 0 ? line.estimatedWaitMinutes.map { " " + HallTime.wait(minutes: $0, l) } ?? "" : ""
            return l.pick(
                "\(line.prefix) 等候 \(line.waiting) 人\(wait)", "\(line.prefix): \(line.waiting) waiting\(wait)")
        }
        guard !lines.isEmpty else { return }
        buffer.write(
            lines.joined(separator: "    "), row: row, column: 2, style: stale ? .dim : .bold,
            maxWidth: buffer.width - 4)
    }
}
