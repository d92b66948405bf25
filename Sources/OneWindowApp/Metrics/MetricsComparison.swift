import Foundation
import OneWindowCore

/// `onewindowd report --compare A..B C..D`: per service, the first-visit resolution rate and the
/// cohort one-visit rate of one range beside those of another, so a manager sees whether a
/// change to a guide made applicants come once. Both come from the same fold as every report.
public struct MetricsComparison: Sendable {
    public var before: MetricsReport
    public var after: MetricsReport

    public init(before: MetricsReport, after: MetricsReport) {
        self.before = before
        self.after = after
    }

    /// The terminal table: the hall, then each service with a first visit in either range.
    public func text() -> String {
        var lines = [
            "一窗通 前后对比：\(before.from) 至 \(before.to) → \(after.from) 至 \(after.to)",
            "首次办结率 = 首次到场即办结的件数 ÷ 首次到场件数；一次办结率 = 当场办结 ÷ (首次到场 − 撤销)，其后再来的件计入不达标",
            "",
        ]
        var table = [
            ["事项编码", "事项名称", "首次到场(前)", "首次办结率(前)", "一次办结率(前)", "首次到场(后)", "首次办结率(后)", "一次办结率(后)", "首次办结率变化"]
        ]
        let afterById = Dictionary(after.services.map { ($0.serviceId, $0) }, uniquingKeysWith: { first, _ in first })
        for service in before.services {
            let later = afterById[service.serviceId]
            guard service.metrics.firstVisits + (later?.metrics.firstVisits ?? 0) > 0 else { continue }
            table.append(
                Self.row(service.serviceId, service.serviceName ?? service.serviceId, service.metrics, later?.metrics))
        }
        table.append(Self.row("", "全部事项", before.metrics, after.metrics))
        let widths = table[0].indices.map { column in table.map { MetricsTable.width($0[column]) }.max() ?? 0 }
        for row in table {
            let cells = row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - MetricsTable.width(cell))
                return column < 2 ? cell + pad : pad + cell
            }
            lines.append(
                cells.joined(separator: "  ").replacingOccurrences(of: " +$", with: "", options: .regularExpression))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func row(_ id: String, _ name: String, _ before: HallMetrics, _ after: HallMetrics?) -> [String] {
        func rate(_ share: Double?) -> String { share.map { MetricsTable.percent($0) } ?? "—" }
        let change: String
        if let old = before.firstVisitResolutionRate, let new = after?.firstVisitResolutionRate {
            change = String(format: "%+.2f 个百分点", (new - old) * 100)
        } else {
            change = "—"
        }
        return [
            id, name, "\(before.firstVisits)", rate(before.firstVisitResolutionRate), rate(before.cohort.oneVisitRate),
            "\(after?.firstVisits ?? 0)", rate(after?.firstVisitResolutionRate), rate(after?.cohort.oneVisitRate),
            change,
        ]
    }
}
