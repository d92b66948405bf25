import Foundation

extension ClerkConsole {
    static let keys: [(key: String, zh: String, en: String)] = [
        ("1", "叫号", "call"), ("2", "重呼", "recall"), ("3", "过号", "no-show"), ("4", "转办", "transfer"),
        ("5", "办结", "complete"), ("6", "暂停", "pause"), ("7", "恢复", "resume"), ("0", "English", "中文"),
    ]

    public func render(into buffer: inout ScreenBuffer, now: Date) {
        let l = language
        let name = windowInfo?.name ?? l.pick("\(window) 号窗口", "Window \(window)")
        let state = paused ? l.pick("【暂停】", "[paused]") : ""
        var chrome = ScreenChrome(
            title: name + "  " + l.pick("窗口工作台", "clerk console") + " " + state,
            clock: HallTime(identifier: hall?.timeZone).clock(now), notice: notice, help: helpLine)
        if hall == nil, notice == nil { chrome.notice = .init(l.pick("正在连接服务器…", "Connecting…")) }
        let rows = chrome.draw(into: &buffer)
        guard hall != nil else { return }
        if mode == .main { helpTargets(into: &buffer) }
        var row = rows.lowerBound + 1
        let waitingLine: String
        if let callable {
            waitingLine = l.pick("本窗口等候：\(callable) 人", "Waiting for this window: \(callable)")
        } else {
            let counts = prefixes.map { prefix in
                "\(prefix) \(queue?.queues.first { $0.prefix == prefix }?.waiting ?? 0)"
            }
            waitingLine =
                l.pick("等候：", "Waiting: ") + counts.joined(separator: "  ")
                + l.pick("   共 \(waiting) 人", "   total \(waiting)")
        }
        buffer.write(waitingLine, row: row, column: 2, style: .bold)
        let liveText = live ? l.pick("● 实时", "● live") : l.pick("○ 连接中断", "○ offline")
        buffer.write(
            liveText, row: row, column: buffer.width - DisplayWidth.of(liveText) - 2, style: live ? .plain : .dim)
        row += 2
        guard let ticket = current else {
            buffer.write(
                l.pick("当前没有号码。按 1 叫下一位。", "No current ticket. Press 1 to call the next."), row: row, column: 2)
            return
        }
        row = renderTicket(ticket, row: row, into: &buffer)
        if let left = secondsBeforeNoShow(at: now) {
            buffer.write(
                l.pick("过号倒计时 \(left) 秒：申请人可能还在路上", "No-show allowed in \(left) s: the applicant may still be coming"),
                row: row - 1, column: 12, style: .dim, maxWidth: buffer.width - 14)
            row += 1
        }
        switch mode {
        case .main, .missing: renderMaterials(from: row, to: rows.upperBound, into: &buffer)
        case .outcome:
            buffer.write(l.pick("请选择办理结果：", "How did the visit end?"), row: row, column: 2, style: .bold)
            let items = ClerkCommand.Outcome.allCases.map { outcome in
                switch outcome {
                case .completed: l.pick("办结", "completed")
                case .accepted: l.pick("受理（承诺件）", "accepted")
                case .needsMore: l.pick("需补正（勾选缺少的材料）", "more materials needed (tick them)")
                case .rejected: l.pick("不予受理（填写原因）", "rejected (type the reason)")
                }
            }
            buffer.choices(items, rows: (row + 1)...rows.upperBound, page: 0, language: l)
        case .note(let text):
            buffer.write(
                l.pick("不予受理的原因（回车提交）：", "Reason for rejecting (Enter sends):"), row: row, column: 2, style: .bold)
            buffer.write("[ " + text + "_ ]", row: row + 1, column: 4, style: .reverse, maxWidth: buffer.width - 6)
        case .transfer:
            buffer.write(l.pick("转至哪个事项：", "Move to which service:"), row: row, column: 2, style: .bold)
            buffer.choices(transferTargets.map(\.name), rows: (row + 1)...rows.upperBound, page: page, language: l)
        }
    }

    /// The ticket, its case and earlier visits; answers the next free row.
    private func renderTicket(_ ticket: TicketInfo, row start: Int, into buffer: inout ScreenBuffer) -> Int {
        let l = language
        var row = start
        let service = ticket.serviceName ?? services.first { $0.id == ticket.serviceId }?.name ?? ticket.serviceId
        let priority =
            (ticket.priority ? l.pick("  优先", "  priority") : "")
            + (ticket.channel == "appointment" ? l.pick("  预约（约）", "  appointment") : "")
            + (ticket.channel == "remote" ? l.pick("  线上取号（线）", "  remote") : "")
        buffer.write(l.pick("当前号码", "Now serving"), row: row, column: 2, style: .dim)
        buffer.write(ticket.number, row: row, column: 12, style: TextStyle(bold: true, reverse: true))
        buffer.write(
            "  " + service + priority + l.pick("  已呼叫 \(ticket.callCount) 次", "  called \(ticket.callCount)×"),
            row: row,
            column: 12 + DisplayWidth.of(ticket.number), style: .bold, maxWidth: buffer.width - 16)
        row += 1
        if let caseId = ticket.caseId {
            let visit = ticket.visit.map { l.pick("第 \($0) 次来办", "visit \($0)") } ?? ""
            buffer.write(l.pick("办件号 ", "Case ") + caseId + "  " + visit, row: row, column: 12)
            row += 1
        }
        let earlier = (ticket.case?.visits ?? []).filter { $0.ticketId != ticket.id }
        if !earlier.isEmpty {
            buffer.write(l.pick("此前来办：", "Earlier visits:"), row: row, column: 2, style: .dim)
            for visit in earlier.suffix(3) {
                let note = visit.note.map { "  " + $0 } ?? ""
                buffer.write(VisitText.line(visit, l) + note, row: row, column: 12, maxWidth: buffer.width - 14)
                row += 1
            }
        }
        return row + 1
    }

    private func renderMaterials(from top: Int, to bottom: Int, into buffer: inout ScreenBuffer) {
        let l = language
        guard let guide else { return }
        let ticking: Set<Int>? = if case .missing(let ticked) = mode { ticked } else { nil }
        let heading =
            ticking == nil
            ? l.pick("申请材料：", "Materials:")
            : l.pick("勾选缺少的材料（数字键勾选，回车提交）：", "Tick what is missing (digits, then Enter):")
        buffer.write(heading, row: top, column: 2, style: .bold)
        let lastMissing = Set((current?.case?.lastMissing ?? []).map(\.name))
        for (index, material) in guide.materials.enumerated() where top + 1 + index < bottom {
            let row = top + 1 + index
            let box = ticking.map { $0.contains(index + 1) ? "[x] " : "[ ] " } ?? ""
            let flag = lastMissing.contains(material.name) ? l.pick("  ← 上次缺少", "  ← missing last time") : ""
            let style = lastMissing.contains(material.name) ? TextStyle(color: .yellow) : TextStyle.plain
            let line = DisplayWidth.truncate(
                box + "\(index + 1). " + MaterialText.line(material, l) + flag, to: buffer.width - 6)
            let used = buffer.write(line, row: row, column: 4, style: style)
            if ticking != nil { buffer.tapTarget(row: row, columns: 0..<(4 + used), input: .select(index + 1)) }
        }
    }

    private var helpLine: String {
        let l = language
        switch mode {
        case .main: return Self.keys.map { "\($0.key) \(l.pick($0.zh, $0.en))" }.joined(separator: "  ")
        case .outcome, .transfer: return l.pick("数字键选择  Esc 返回", "Digits choose  Esc back")
        case .missing: return l.pick("数字键勾选  回车提交  Esc 返回", "Digits tick  Enter sends  Esc back")
        case .note: return l.pick("输入原因  回车提交  Esc 返回", "Type  Enter sends  Esc back")
        }
    }

    /// Each key of the help line is a tap target too.
    private func helpTargets(into buffer: inout ScreenBuffer) {
        var column = 1
        for key in Self.keys {
            let label = "\(key.key) \(language.pick(key.zh, key.en))"
            let width = DisplayWidth.of(label)
            buffer.tapTarget(
                row: buffer.height - 1, columns: column..<(column + width), input: .text(Character(key.key)))
            column += width + 2
        }
    }
}
