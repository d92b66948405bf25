import Foundation

/// The two screens with a materials checklist: a service's guide before the first ticket, and
/// a returning case's "bring this time". Both page rather than cut, and offer the ticket
/// (我已备齐) only on the last page, once every material has been shown.
extension ApplicantKiosk {
    /// What a checklist screen draws above the list, the list's pages, and the rows they get.
    struct ChecklistPlan {
        var header: [Checklist.Line]
        var checklist: Checklist
        var isLastPage: Bool
        var page: Int
        /// False for a service the hall does not receive: no 我已备齐, only where to go.
        var takesTicket = true
        /// 我已备齐 and what it leads to.
        var action: String
        /// Whether "第 1/2 页" shares the action's row (else it takes the row above).
        var pagerBesideAction: Bool
    }

    /// The plan of the checklist on screen now, at `width`×`height`; nil on other screens.
    func checklistPlan(width: Int, height: Int) -> ChecklistPlan? {
        // Both screens have a heading; the notice, if any, takes rows too.
        let rows = ScreenChrome(title: "", heading: "", notice: notice, help: "").contentRows(height: height)
        switch screen {
        case .guide(let guide):
            let action = language.pick("我已备齐，取号", "I have them: take a ticket")
            var plan = checklistPlan(
                guideHeader(guide, width: width, rows: rows), guide, [], rows, width, action)
            plan.takesTicket = guide.channels.hall != nil
            return plan
        case .caseFound(let found, let guide) where found.state == "open":
            let missing = Set(found.lastMissing.flatMap { [$0.id, $0.name] })
            let action = language.pick("我已备齐，取号续办", "I have them: take a ticket for this case")
            return checklistPlan(
                caseHeader(found, guide, width: width, rows: rows), guide, missing, rows, width, action)
        default: return nil
        }
    }

    private func checklistPlan(
        _ header: [Checklist.Line], _ guide: ServiceGuide, _ missing: Set<String>,
        _ rows: ClosedRange<Int>, _ width: Int, _ action: String
    ) -> ChecklistPlan {
        // Below the list: the action, with "第 1/2 页  - 上一页" beside it where the width allows.
        let widest = max(DisplayWidth.of(action), DisplayWidth.of(nextPage)) + 3
        let pager = DisplayWidth.of(language.pick("第 10/10 页  - 上一页", "page 10/10  - previous"))
        let beside = 4 + widest + 4 + pager <= width - 2
        let listRows = max(1, rows.count - header.count - (beside ? 1 : 2))
        let checklist = Checklist(
            guide.materials, missing: missing, commonlyMissing: guide.commonlyMissing, numbered: missing.isEmpty,
            width: width - 8, rows: listRows, language: language)
        let shown = checklist.clamped(page)
        return ChecklistPlan(
            header: header, checklist: checklist, isLastPage: shown == checklist.pages.count - 1, page: shown,
            action: action, pagerBesideAction: beside)
    }

    var nextPage: String { language.pick("下一页，看其余材料", "next page: the other materials") }

    /// 办结时限, 收费 and 最多跑, flowed over as many lines as the width needs, never cut.
    func guideHeader(_ guide: ServiceGuide, width: Int, rows: ClosedRange<Int>) -> [Checklist.Line] {
        let l = language
        let limit: String =
            switch guide.timeLimit.promisedDays ?? guide.timeLimit.statutoryDays {
            case nil where guide.channels.hall == nil: l.pick("以受理单位告知为准", "as the office says")
            case nil: l.pick("请咨询窗口", "ask at a window")
            case 0: l.pick("当场办结", "on the spot")
            case let days? where guide.timeLimit.unit == "自然日": l.pick("\(days) 天", "\(days) days")
            case let days?: l.pick("\(days) 个工作日", "\(days) working days")
            }
        let fee = guide.fee.free ? l.pick("免费", "free") : (guide.fee.amount ?? l.pick("收费", "charged"))
        // The kiosk stands in the hall: the hall's promise.
        let visits = guide.visitsPromised.hall.map { l.pick("最多跑：\($0) 次", "Visits: at most \($0)") }
        let facts = [l.pick("办结时限：\(limit)", "Time limit: \(limit)"), l.pick("收费：\(fee)", "Fee: \(fee)"), visits]
            .compactMap { $0 }
        var lines: [String] = []
        for fact in facts {
            if let last = lines.last, DisplayWidth.of(last + "    " + fact) <= width - 4 {
                lines[lines.count - 1] = last + "    " + fact
            } else {
                lines += DisplayWidth.wrap(fact, to: width - 4)
            }
        }
        var header = lines.map { Checklist.Line(text: $0, style: .plain) }
        guard guide.channels.hall != nil else {
            // Where to go instead, from the guide's channels (else its place); the materials still help there.
            let red = TextStyle(bold: true, color: .red)
            header.append(
                .init(
                    text: l.pick("本大厅不受理此事项，不能在此取号", "The hall does not take this service: no ticket here"), style: red)
            )
            var places: [String] = []
            if let office = guide.channels.office?.place ?? (guide.place.isEmpty ? nil : guide.place) {
                places.append(l.pick("请到：", "Go to: ") + office)
            }
            if let online = guide.channels.online {
                let url = online.url.map { l.pick("：\($0)", ": \($0)") } ?? ""
                places.append(
                    l.pick("也可网上办理，最多跑 \(online.visitsPromised) 次", "Or apply online, \(online.visitsPromised) visits")
                        + url)
            }
            if places.isEmpty { places.append(l.pick("请到咨询台咨询办理地点", "Ask at the help desk where to go")) }
            header += places.flatMap { DisplayWidth.wrap($0, to: width - 4) }.map { .init(text: $0, style: .bold) }
            header.append(.init(text: l.pick("所需材料：", "Materials:"), style: .bold))
            return header
        }
        let heading = l.pick("取号前请核对，带齐以下材料：", "Before taking a ticket, check you have:")
        // A blank line to breathe, where the height has room for it.
        if rows.count >= 14 { header.append(.init(text: "", style: .plain)) }
        return header + [Checklist.Line(text: heading, style: .bold)]
    }

    /// The case's service and state, its last visits as the height allows, then the heading.
    func caseHeader(_ found: CaseInfo, _ guide: ServiceGuide, width: Int, rows: ClosedRange<Int>) -> [Checklist.Line] {
        let l = language
        let roomy = rows.count >= 18
        let service = l.pick("事项：", "Service: ") + (found.serviceName ?? name(guide))
        let state = l.pick("状态：办理中", "State: open")
        var lines = DisplayWidth.wrap(service + "    " + state, to: width - 4).map {
            Checklist.Line(text: $0, style: .plain)
        }
        if roomy { lines.append(.init(text: "", style: .plain)) }
        for visit in found.visits.suffix(roomy ? 3 : 1) {
            lines += DisplayWidth.wrap(VisitText.line(visit, l), to: width - 4).map { .init(text: $0, style: .plain) }
        }
        if roomy { lines.append(.init(text: "", style: .plain)) }
        lines.append(.init(text: l.pick("本次请带齐：", "Bring this time:"), style: .bold))
        return lines
    }

    /// Draws the plan: header, the page of the list, the pager, and the action or the next page.
    func renderChecklist(
        _ plan: ChecklistPlan, action: String, rows: ClosedRange<Int>, into buffer: inout ScreenBuffer
    ) {
        var row = rows.lowerBound
        for line in plan.header {
            buffer.write(line.text, row: row, column: 2, style: line.style, maxWidth: buffer.width - 4)
            row += 1
        }
        for line in plan.checklist.pages[plan.page] {
            buffer.write(line.text, row: row, column: 4, style: line.style, maxWidth: buffer.width - 6)
            row += 1
        }
        let actionRow = rows.upperBound
        var column = 4
        let button = TextStyle(bold: true, reverse: true)
        if plan.isLastPage, plan.takesTicket {
            let used = buffer.write("1  " + plan.action, row: actionRow, column: column, style: button)
            buffer.tapTarget(row: actionRow, columns: 0..<(column + used + 2), input: .select(1))
            column += used + 4
        } else if !plan.isLastPage {
            let used = buffer.write("+  " + nextPage, row: actionRow, column: column, style: button)
            buffer.tapTarget(row: actionRow, columns: 0..<(column + used + 2), input: .text("+"))
            column += used + 4
        }
        if plan.checklist.pages.count > 1 {
            let besides = plan.pagerBesideAction || column == 4
            buffer.pager(
                page: plan.page, pages: plan.checklist.pages.count, row: besides ? actionRow : actionRow - 1,
                column: besides ? column : 4, language: language, next: false)
        }
    }
}
