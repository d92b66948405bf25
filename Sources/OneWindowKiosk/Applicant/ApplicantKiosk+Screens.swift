import Foundation

extension ApplicantKiosk {
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
            ticket.channel == "appointment" ? l.pick("预约号", "Appointment") : nil,
            ticket.channel == "remote" ? l.pick("线上取号", "Remote ticket") : nil,
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
        digitPad(row: rows.lowerBound + 5, into: &buffer)
    }
}

extension ApplicantKiosk {
    /// A case that needs no more visits: what became of it, and no ticket to take.
    func renderClosedCase(
        _ found: CaseInfo, guide: ServiceGuide, rows: ClosedRange<Int>, into buffer: inout ScreenBuffer
    ) {
        let l = language
        var row = rows.lowerBound
        buffer.write(l.pick("事项：", "Service: ") + (found.serviceName ?? name(guide)), row: row, column: 2)
        let state = found.state == "closed" ? l.pick("已办结", "closed") : l.pick("已撤销", "cancelled")
        buffer.write(l.pick("状态：", "State: ") + state, row: row + 1, column: 2)
        row += 3
        for visit in found.visits.suffix(3) {
            buffer.write(VisitText.line(visit, l), row: row, column: 2, maxWidth: buffer.width - 4)
            row += 1
        }
        buffer.write(l.pick("此办件无需再次取号", "No ticket is needed for this case"), row: row + 1, column: 2, style: .bold)
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
