import Foundation
import OneWindowCore
import OneWindowHTTP

/// How `onewindowd report` prints the figures.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// A table for a terminal.
    case text
    /// The spreadsheet table of the daily CSV, for the range.
    case csv
    /// Exactly the body of `GET /api/v1/metrics` for the same range and service.
    case json
}

extension MetricsReport {
    /// The report in `format`.
    public func rendered(as format: ReportFormat) -> Data {
        switch format {
        case .json: Response.encodeJSON(self) + Data("\n".utf8)
        case .csv: MetricsTable(self).csv()
        case .text: Data(MetricsTable(self).text(self).utf8)
        }
    }
}

extension MetricsTable {
    /// Columns of the terminal table, by header.
    static let textColumns = [
        "事项编码", "事项名称", "取号数", "办理人次", "过号", "作废", "等候中位数(秒)", "办结件数", "在办件数", "首次办结率", "一次办结率", "仍在办件数",
        "满意率",
        "差评未整改",
    ]
    /// Names longer than this many terminal columns are cut with “…”.
    static let nameWidth = 26

    /// The hall's figures in a few lines, then one line per service that had anything in the
    /// range, aligned for a terminal (Chinese characters are two columns wide).
    func text(_ report: MetricsReport) -> String {
        let m = report.metrics
        let scope = report.serviceId.map { "事项 \($0)" } ?? "全部事项"
        var lines = [
            "一窗通 指标 \(report.from) 至 \(report.to)（\(scope)）",
            "取号 \(m.ticketsIssued) · 办理 \(m.visitsServed) 人次 · 过号 \(m.noShows) · 作废 \(m.expired)",
            "等候 平均 \(Self.seconds(m.waitSeconds.mean)) · 中位 \(Self.seconds(m.waitSeconds.median)) · "
                + "90%分位 \(Self.seconds(m.waitSeconds.p90))；办理 平均 \(Self.seconds(m.serviceSeconds.mean)) · "
                + "中位 \(Self.seconds(m.serviceSeconds.median))",
            "一次办结率 \(Self.orDash(Self.percent(m.cohort.oneVisitRate)))（首次到场 \(m.cohort.opened) 件：当场办结 "
                + "\(m.cohort.closedAtFirstVisit) · 其后办结 \(m.cohort.closedLater) · \(m.cohort.open) 件仍在办 · 撤销 "
                + "\(m.cohort.cancelled)；办结天数中位数 \(Self.orDash(Self.number(m.cohort.medianDaysToClose)))）",
            "首次办结率 \(Self.orDash(Self.percent(m.firstVisitResolutionRate)))（\(m.firstVisitResolved)/\(m.firstVisits)）"
                + " · 办结件一次办结率 \(Self.orDash(Self.percent(m.closedCasesOneVisitRate)))",
            "办结 \(m.casesClosed) 件 · 在办 \(m.casesOpen) 件 · 撤销 \(m.casesCancelled) 件；"
                + "承诺跑动达标率 \(Self.orDash(Self.percent(m.visitPromiseRate)))",
            "评价 \(m.satisfaction.counts.values.reduce(0, +)) · 满意率 \(Self.orDash(Self.percent(m.satisfaction.satisfiedShare)))"
                + " · 差评未整改 \(m.satisfaction.badOpen)（超期 \(m.satisfaction.badOverdue)）",
        ]
        if let b = report.bookings {
            lines.append(
                "预约 \(b.bookings)（取消 \(b.cancelled)）· 签到 \(b.checkedIn) · 爽约率 \(Self.orDash(Self.percent(b.noShowRate)))"
                    + " · 准时率 \(Self.orDash(Self.percent(b.punctualShare))) · 号源使用率 "
                    + "\(Self.orDash(Self.percent(b.capacityUsedShare)))（\(b.bookings)/\(b.capacity)）")
        }
        let missed = Self.missedInHall(report).prefix(5)
        if !missed.isEmpty { lines.append("缺件最多：" + missed.joined(separator: "；")) }
        lines.append("")
        let indexes = Self.textColumns.compactMap { Self.headers.firstIndex(of: $0) }
        let active = zip(report.services, rows).filter { service, _ in
            let s = service.metrics
            return s.ticketsIssued + s.casesClosed + s.casesOpen + s.casesCancelled + s.firstVisits > 0
                || !s.satisfaction.counts.values.allSatisfy { $0 == 0 }
        }
        let body = active.map { _, row in indexes.map { row[$0] } } + [indexes.map { rows.last![$0] }]
        let table =
            [indexes.map { Self.headers[$0] }]
            + body.map { row in
                row.enumerated().map { $0.offset == 1 ? Self.cut($0.element, to: Self.nameWidth) : $0.element }
            }
        let widths = indexes.indices.map { column in table.map { Self.width($0[column]) }.max() ?? 0 }
        for row in table {
            let cells = row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - Self.width(cell))
                return column < 2 ? cell + pad : pad + cell
            }
            lines.append(
                cells.joined(separator: "  ").replacingOccurrences(of: " +$", with: "", options: .regularExpression))
        }
        let quiet = report.services.count - active.count
        if quiet > 0 { lines.append("（另有 \(quiet) 个事项在此期间没有数据，见 --format csv）") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func seconds<T: Numeric & CustomStringConvertible>(_ value: T?) -> String {
        value == nil ? "—" : number(value) + " 秒"
    }

    private static func orDash(_ text: String) -> String { text.isEmpty ? "—" : text }

    /// Terminal columns of `text`: East Asian wide and full-width characters take two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, scalar in
            let v = scalar.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || v >= 0x20000
            return sum + (wide ? 2 : 1)
        }
    }

    private static func cut(_ text: String, to columns: Int) -> String {
        guard width(text) > columns else { return text }
        var out = ""
        for character in text {
            if width(out + String(character)) > columns - 1 { break }
            out.append(character)
        }
        return out + "…"
    }
}
