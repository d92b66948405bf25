import Foundation

extension ApplicantKiosk {
    /// Key points, then the materials checklist, then the one way on: "I have them".
    func renderGuide(_ guide: ServiceGuide, rows: ClosedRange<Int>, into buffer: inout ScreenBuffer) {
        let l = language
        var row = rows.lowerBound
        let limit: String =
            switch guide.timeLimit.promisedDays ?? guide.timeLimit.statutoryDays {
            case nil: l.pick("请咨询窗口", "ask at a window")
            case 0: l.pick("当场办结", "on the spot")
            case let days? where guide.timeLimit.unit == "自然日": l.pick("\(days) 天", "\(days) days")
            case let days?: l.pick("\(days) 个工作日", "\(days) working days")
            }
        let fee = guide.fee.free ? l.pick("免费", "free") : (guide.fee.amount ?? l.pick("收费", "charged"))
        // The kiosk stands in the hall: the hall's promise.
        let visits = guide.visitsPromised.hall.map { "\($0)" } ?? "—"
        let facts = l.pick(
            "办结时限：\(limit)    收费：\(fee)    最多跑：\(visits) 次",
            "Time limit: \(limit)   Fee: \(fee)   Visits: at most \(visits)")
        buffer.write(facts, row: row, column: 2, maxWidth: buffer.width - 4)
        row += 2
        buffer.write(
            l.pick("取号前请核对，带齐以下材料：", "Before taking a ticket, check you have:"), row: row, column: 2, style: .bold)
        row += 1
        // Long material names wrap under themselves, so nothing of the checklist is cut off.
        let lines = guide.materials.enumerated().flatMap { index, material in
            let label = "\(index + 1). "
            let wrapped = DisplayWidth.wrap(MaterialText.line(material, l), to: buffer.width - 8 - label.count)
            return wrapped.enumerated().map { ($0 == 0 ? label : String(repeating: " ", count: label.count)) + $1 }
        }
        let available = max(1, rows.upperBound - row - 2)
        let pages = max(1, (lines.count + available - 1) / available)
        let shown = min(page, pages - 1)
        for line in lines.dropFirst(shown * available).prefix(available) {
            buffer.write(line, row: row, column: 4, maxWidth: buffer.width - 6)
            row += 1
        }
        if pages > 1 {
            buffer.write(
                l.pick(
                    "共 \(lines.count) 项  第 \(shown + 1)/\(pages) 页  + 下一页",
                    "\(lines.count) items, page \(shown + 1)/\(pages), + next"),
                row: row, column: 4, style: .dim)
        }
        let action = "1  " + l.pick("我已备齐，取号", "I have them: take a ticket")
        let actionRow = rows.upperBound
        let used = buffer.write(action, row: actionRow, column: 4, style: TextStyle(bold: true, reverse: true))
        buffer.tapTarget(row: actionRow, columns: 0..<(4 + used + 2), input: .select(1))
    }

    func renderTicket(
        _ ticket: TicketInfo, guide: ServiceGuide?, rows: ClosedRange<Int>, into buffer: inout ScreenBuffer
    ) {
        let l = language
        var row = rows.lowerBound + 1
        buffer.center(l.pick("您的号码", "Your number"), row: row, style: .bold)
        row += 1
        let scale = BigText.scale(for: ticket.number, columns: buffer.width - 4, rows: rows.count - 9)
        row += buffer.bigText(ticket.number, row: row, scale: scale, style: TextStyle(bold: true, color: .yellow))
        row += 1
        buffer.center(ticket.serviceName ?? guide.map(name) ?? ticket.serviceId, row: row, style: .bold)
        row += 2
        let wait = HallTime.wait(minutes: ticket.estimatedWaitMinutes, l)
        let place =
            ticket.ahead == 0
            ? l.pick("前面没有人，请留意叫号", "You are next: watch the board")
            : l.pick("前面还有 \(ticket.ahead) 人    预计等候 \(wait)", "\(ticket.ahead) ahead of you    wait \(wait)")
        buffer.center(place, row: row)
        row += 1
        // The evaluation code is printed too; shown for a kiosk without a printer, to be noted.
        let marks = [
            ticket.priority ? l.pick("优先号", "Priority ticket") : nil,
            ticket.evaluationCode.map { l.pick("评价码：\($0)", "Evaluation code: \($0)") },
        ].compactMap { $0 }
        if !marks.isEmpty { buffer.center(marks.joined(separator: "    "), row: row, style: .dim) }
        row += 1
        if let caseId = ticket.caseId {
            let visit = ticket.visit.map { $0 > 1 ? l.pick("（第 \($0) 次来办）", " (visit \($0))") : "" } ?? ""
            buffer.center(l.pick("办件号：\(caseId)\(visit)", "Case number: \(caseId)\(visit)"), row: row, style: .bold)
            buffer.center(
                l.pick("需要再次来办时，请输入此办件号", "Keep it: enter it when you come back"), row: row + 1, style: .dim)
        }
    }

    func renderCaseEntry(_ typed: String, rows: ClosedRange<Int>, into buffer: inout ScreenBuffer) {
        let l = language
        buffer.write(
            l.pick("办件号印在上次的小票上（如 C20261129-0007）", "The case number is on your last ticket (e.g. C20261129-0007)"),
            row: rows.lowerBound, column: 4)
        buffer.write(
            l.pick("只需输入其中的 12 位数字，然后按回车", "Type its 12 digits, then press Enter"), row: rows.lowerBound + 1,
            column: 4)
        let digits = typed.filter { $0.isASCII && $0.isNumber }
        let shown: String
        if typed.contains(where: \.isLetter) && !typed.hasPrefix("C") || digits.count > 12 {
            shown = typed
        } else {
            let slots = Array(digits) + Array(repeating: "_", count: 12 - digits.count)
            shown = "C" + String(slots[0..<8]) + "-" + String(slots[8..<12])
        }
        buffer.write(shown, row: rows.lowerBound + 3, column: 6, style: TextStyle(bold: true, reverse: true))
    }

    func renderCase(_ found: CaseInfo, guide: ServiceGuide, rows: ClosedRange<Int>, into buffer: inout ScreenBuffer) {
        let l = language
        var row = rows.lowerBound
        buffer.write(l.pick("事项：", "Service: ") + (found.serviceName ?? name(guide)), row: row, column: 2)
        let state =
            switch found.state {
            case "open": l.pick("办理中", "open")
            case "closed": l.pick("已办结", "closed")
            default: l.pick("已撤销", "cancelled")
            }
        buffer.write(l.pick("状态：", "State: ") + state, row: row + 1, column: 2)
        row += 3
        for visit in found.visits.suffix(3) {
            buffer.write(VisitText.line(visit, l), row: row, column: 2, maxWidth: buffer.width - 4)
            row += 1
        }
        guard found.state == "open" else {
            buffer.write(
                l.pick("此办件无需再次取号", "No ticket is needed for this case"), row: row + 1, column: 2, style: .bold)
            return
        }
        row += 1
        buffer.write(l.pick("本次请带齐：", "Bring this time:"), row: row, column: 2, style: .bold)
        row += 1
        let missing = Set(found.lastMissing.map(\.name))
        for material in guide.materials where row < rows.upperBound - 1 {
            let flagged = missing.contains(material.name)
            let mark = flagged ? l.pick("  ← 上次缺少", "  ← missing last time") : ""
            buffer.write(
                "· " + MaterialText.line(material, l) + mark, row: row, column: 4,
                style: flagged ? TextStyle(bold: true, color: .yellow) : .plain, maxWidth: buffer.width - 6)
            row += 1
        }
        let action = "1  " + l.pick("取号续办", "Take a ticket for this case")
        let used = buffer.write(action, row: rows.upperBound, column: 4, style: TextStyle(bold: true, reverse: true))
        buffer.tapTarget(row: rows.upperBound, columns: 0..<(4 + used + 2), input: .select(1))
    }
}

/// One material as a checklist line: name, form, copies, whether it is required.
enum MaterialText {
    static func line(_ material: ServiceGuide.Material, _ l: Language) -> String {
        let form =
            switch material.form {
            case "original": l.pick("原件", "original")
            case "copy": l.pick("复印件", "copy")
            default: l.pick("原件和复印件", "original and copy")
            }
        let need = material.required ? "" : l.pick("，如有", ", if any")
        return l.pick(
            "\(material.name)（\(form) \(material.copies) 份\(need)）",
            "\(material.name) (\(form) ×\(material.copies)\(need))")
    }
}

/// One earlier visit of a case, for the applicant and the clerk.
enum VisitText {
    static func line(_ visit: CaseInfo.Visit, _ l: Language) -> String {
        let outcome =
            switch visit.outcome {
            case "completed": l.pick("已办结", "completed")
            case "accepted": l.pick("已受理", "accepted")
            case "needs_more": l.pick("需补正", "more materials needed")
            case "rejected": l.pick("不予受理", "rejected")
            default:
                visit.status == "waiting" || visit.status == "called" ? l.pick("排队中", "in the queue") : visit.status
            }
        let missing = (visit.missingMaterials ?? []).map(\.name).joined(separator: l.pick("、", ", "))
        let detail = missing.isEmpty ? "" : l.pick("：缺 \(missing)", ": missing \(missing)")
        return "\(visit.hallDay)  \(visit.number)  \(outcome)\(detail)"
    }
}
