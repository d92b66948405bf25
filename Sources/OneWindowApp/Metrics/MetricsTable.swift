import Foundation
import OneWindowCore

/// The manager's figures as a spreadsheet table: one row per service, then the hall's total,
/// under Chinese column headers. The daily CSV and `onewindowd report --format csv` are this
/// table; the terminal table shows some of its columns. 首次到场件数 … 办结天数中位数 are the
/// cohort (`HallMetrics.Cohort`): 首次到场件数 is both `firstVisits` and `cohort.opened`,
/// 首次即办结件数 both `firstVisitResolved` and `cohort.closedAtFirstVisit`; 一次办结率 is the
/// cohort's, 办结件一次办结率 the closed-cases-only rate it replaces. Then six columns by ticket
/// channel (现场 walk-in, 预约 appointment, 线上 remote), and the last seven are the bookings
/// (`BookingFigures`, by the slot's day), empty when the hall takes no appointments.
public struct MetricsTable: Sendable {
    public static let headers = [
        "事项编码", "事项名称", "取号数", "办理人次", "过号", "作废", "平均等候(秒)", "等候中位数(秒)", "等候90%分位(秒)",
        "平均办理(秒)", "办理中位数(秒)", "办结件数", "在办件数", "撤销件数", "首次到场件数", "首次即办结件数", "首次办结率",
        "其后办结件数", "仍在办件数", "到场后撤销件数", "一次办结率", "办结天数中位数", "办结件一次办结率", "承诺跑动达标率", "件均跑动次数",
        "评价数", "满意率", "差评未整改", "差评超期", "缺件最多的材料",
        "现场取号数", "预约取号数", "线上取号数", "现场等候中位数(秒)", "预约等候中位数(秒)", "线上等候中位数(秒)",
        "预约数", "预约取消数", "预约签到数", "预约爽约率", "预约准时率", "预约号源数", "号源使用率",
    ]

    /// Rows of cells, each as long as `headers`; the last is the total.
    public var rows: [[String]]

    public init(_ report: MetricsReport) {
        rows = report.services.map { service in
            Self.cells(
                id: service.serviceId, name: service.serviceName ?? "", service.metrics,
                missed: service.mostMissedMaterials.map { "\($0.name)×\($0.count)" }, bookings: service.bookings)
        }
        rows.append(
            Self.cells(
                id: "合计", name: "全部事项", report.metrics, missed: Self.missedInHall(report),
                bookings: report.bookings))
    }

    private static func cells(id: String, name: String, _ m: HallMetrics, missed: [String], bookings: BookingFigures?)
        -> [String]
    {
        let rated = m.satisfaction.counts.values.reduce(0, +)
        return [
            id, name, "\(m.ticketsIssued)", "\(m.visitsServed)", "\(m.noShows)", "\(m.expired)",
            number(m.waitSeconds.mean), number(m.waitSeconds.median), number(m.waitSeconds.p90),
            number(m.serviceSeconds.mean), number(m.serviceSeconds.median), "\(m.casesClosed)", "\(m.casesOpen)",
            "\(m.casesCancelled)", "\(m.firstVisits)", "\(m.firstVisitResolved)", percent(m.firstVisitResolutionRate),
            "\(m.cohort.closedLater)", "\(m.cohort.open)", "\(m.cohort.cancelled)", percent(m.cohort.oneVisitRate),
            number(m.cohort.medianDaysToClose), percent(m.closedCasesOneVisitRate), percent(m.visitPromiseRate),
            number(m.visitsPerClosedCase),
            "\(rated)", percent(m.satisfaction.satisfiedShare), "\(m.satisfaction.badOpen)",
            "\(m.satisfaction.badOverdue)",
            missed.prefix(3).joined(separator: "；"),
        ] + channelCells(m) + bookingCells(bookings)
    }

    /// The bookings: counts, no-show rate, punctual share, places offered and the share used.
    private static func bookingCells(_ b: BookingFigures?) -> [String] {
        guard let b else { return Array(repeating: "", count: 7) }
        return [
            "\(b.bookings)", "\(b.cancelled)", "\(b.checkedIn)", percent(b.noShowRate), percent(b.punctualShare),
            "\(b.capacity)", percent(b.capacityUsedShare),
        ]
    }

    /// By ticket channel (walk-in, appointment, remote): tickets issued, then the median waits.
    private static func channelCells(_ m: HallMetrics) -> [String] {
        let channels = Ticket.Channel.allCases.map { m.channels[$0.rawValue] }
        return channels.map { "\($0?.ticketsIssued ?? 0)" } + channels.map { number($0?.waitSeconds.median) }
    }

    /// The hall's most missed materials, most named first: “材料（事项）×次数”.
    static func missedInHall(_ report: MetricsReport) -> [String] {
        report.services.flatMap { service in service.mostMissedMaterials.map { (service, $0) } }
            .sorted { $0.1.count > $1.1.count }
            .map { "\($0.1.name)（\($0.0.serviceName ?? $0.0.serviceId)）×\($0.1.count)" }
    }

    /// A share as a percentage with two decimals (`66.67%`, which spreadsheets read as a
    /// number); empty when there is nothing to divide.
    static func percent(_ share: Double?) -> String {
        guard let share else { return "" }
        return String(format: "%.2f%%", share * 100)
    }

    /// Empty for nil; integers without a decimal point; others as Swift prints them.
    static func number<T: Numeric & CustomStringConvertible>(_ value: T?) -> String {
        guard let value else { return "" }
        if let double = value as? Double, double == double.rounded(), abs(double) < 1e15 { return "\(Int(double))" }
        return value.description
    }

    /// The table as CSV (`CSVText`: a byte-order mark, CRLF, formula-leading cells neutralised).
    public func csv() -> Data {
        CSVText.document([Self.headers] + rows)
    }
}
