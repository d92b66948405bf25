import Foundation
import OneWindowCore

extension ManagePage {
    static let blue = "#0b57a4"
    static let green = "#1b7a3a"
    /// Services in the bar chart at most (the worst); the table below lists them all.
    static let chartRows = 15
    /// Bad reviews listed at most, overdue and earliest due first.
    static let reviewRows = 30

    /// Today's waiting count over time: a step line from the day's first hour to now.
    static func waitingSection(_ board: ManageDashboard) -> Markup {
        let now = board.secondsIntoDay(board.now)
        var points = perMinute(board.waitingLine.map { (x: board.secondsIntoDay($0.at), y: Double($0.waiting)) })
        let start = min(8 * 3600, floor((points.first?.x ?? now) / 3600) * 3600)
        let end = min(24 * 3600, max(18 * 3600, ceil(max(now, points.last?.x ?? 0) / 3600) * 3600))
        points.insert((x: start, y: 0), at: 0)
        points.append((x: min(now, end), y: Double(board.waitingLine.last?.waiting ?? 0)))
        let peak = board.waitingLine.max { $0.waiting < $1.waiting }
        let top = max(5, (peak?.waiting ?? 0))
        let step = ManageChart.niceStep(Double(top))
        let yMax = ceil(Double(top) / step) * step
        let yTicks = stride(from: 0, through: yMax, by: step).map { (value: $0, label: "\(Int($0))") }
        let xTicks = stride(from: start, through: end, by: end - start > 10 * 3600 ? 7200 : 3600).map {
            (value: $0, label: time($0))
        }
        let summary =
            peak.map {
                "今日等候人数随时间的变化：现在 \(board.waitingNow) 人，最多 \($0.waiting) 人（\(time(board.secondsIntoDay($0.at)))）。"
            } ?? "今日还没有人取号。"
        let chart = ManageChart.lines(
            id: "waiting-chart", title: "今日等候人数", summary: summary,
            series: [ManageChart.Series(name: "等候人数", color: blue, points: points, step: true)],
            x: .init(range: start...end, ticks: xTicks), y: .init(range: 0...yMax, ticks: yTicks))
        return section("waiting", "今日等候人数") {
            Markup.p { summary }
            figure(chart)
        }
    }

    /// At most one point a minute, with the minute's largest count, so that a busy day draws
    /// in a few hundred points and no peak is lost.
    static func perMinute(_ points: [(x: Double, y: Double)]) -> [(x: Double, y: Double?)] {
        var out: [(x: Double, y: Double?)] = []
        var minute = -1.0
        for point in points {
            let start = floor(point.x / 60) * 60
            if start == minute, let last = out.last?.y {
                out[out.count - 1].y = max(last, point.y)
            } else {
                out.append((x: start, y: point.y))
                minute = start
            }
        }
        return out
    }

    /// The cohort one-visit rate (with its open cases) and the satisfied share per service over
    /// the 30 days, worst first.
    static func servicesSection(_ board: ManageDashboard) -> Markup {
        let services = board.month.services.filter {
            $0.metrics.cohort.opened > 0 || $0.metrics.casesClosed > 0
                || $0.metrics.satisfaction.counts.values.contains { $0 > 0 }
        }.sorted { ($0.metrics.cohort.oneVisitRate ?? 2) < ($1.metrics.cohort.oneVisitRate ?? 2) }
        let range = "\(board.month.from) 至 \(board.month.to)"
        guard !services.isEmpty else {
            return section("services", "各事项一次办结率与满意率（近30天）") { Markup.p { "\(range) 没有到场办理的办件或评价。" } }
        }
        let shown = services.prefix(chartRows)
        let note = services.count > chartRows ? "图中为一次办结率最低的 \(chartRows) 个事项，全部 \(services.count) 个见下表。" : ""
        let chart = ManageChart.bars(
            id: "services-chart", title: "各事项一次办结率与满意率",
            summary: "\(range)，按一次办结率从低到高排列，事项名后是仍在办的件数。\(note)数字见下表。",
            rows: shown.map {
                (
                    "\($0.serviceName ?? $0.serviceId)（\($0.metrics.cohort.open) 件仍在办）",
                    [$0.metrics.cohort.oneVisitRate, $0.metrics.satisfaction.satisfiedShare]
                )
            },
            colors: [blue, green])
        return section("services", "各事项一次办结率与满意率（近30天）") {
            legend([("一次办结率", blue), ("满意率", green)])
            if !note.isEmpty { Markup.p(.class("meta")) { note } }
            figure(chart)
            servicesTable(services, range: range)
        }
    }

    private static func servicesTable(_ services: [MetricsReport.Service], range: String) -> Markup {
        let region = [
            .class("table-wrap"), Attribute("tabindex", "0"), Attribute("role", "region"),
            Attribute("aria-label", "各事项数据表"),
        ]
        let columns = ["事项", "首次到场件数", "一次办结率", "仍在办", "首次办结率", "评价数", "满意率"]
        // The definition goes above the frame, not in the caption: on a phone the table scrolls
        // sideways in its frame, and a caption scrolls with it, cut off (seen in Chromium).
        let definition = "\(range)。一次办结率：首次到场的办件中当场办结的比例（撤销的不计），仍在办的办件计为未一次办结。"
        return .group {
            Markup.p(.class("meta")) { definition }
            Markup.element("div", region) { servicesRows(services, columns: columns) }
        }
    }

    private static func servicesRows(_ services: [MetricsReport.Service], columns: [String]) -> Markup {
        Markup.element("table") {
            Markup.element("caption") { "各事项数据表" }
            Markup.element("thead") {
                Markup.element("tr") { for column in columns { Markup.th(Attribute("scope", "col")) { column } } }
            }
            Markup.element("tbody") {
                for service in services {
                    let m = service.metrics
                    Markup.element("tr") {
                        Markup.th(Attribute("scope", "row")) {
                            Markup.a(href: .path("guides", service.serviceId)) {
                                service.serviceName ?? service.serviceId
                            }
                        }
                        Markup.td { "\(m.cohort.opened)" }
                        Markup.td { percent(m.cohort.oneVisitRate) }
                        Markup.td { "\(m.cohort.open)" }
                        Markup.td { percent(m.firstVisitResolutionRate) }
                        Markup.td { "\(m.satisfaction.counts.values.reduce(0, +))" }
                        Markup.td { percent(m.satisfaction.satisfiedShare) }
                    }
                }
            }
        }
    }

    /// A chart in a focusable frame, so that a keyboard scrolls it on a narrow screen.
    static func figure(_ chart: Markup) -> Markup {
        .element("figure", [Attribute("tabindex", "0")]) { chart }
    }

    /// The hall's daily one-visit rate and satisfied share over the 30 days.
    static func trendSection(_ board: ManageDashboard) -> Markup {
        let points = board.trend.enumerated()
        let ticks = stride(from: 0, to: board.trend.count, by: 7).map {
            (value: Double($0), label: String(board.trend[$0].day.suffix(5)))
        }
        let chart = ManageChart.lines(
            id: "trend-chart", title: "全厅每日一次办结率与满意率",
            summary: "近30天每天首次到场的办件的一次办结率，和满意率；没有数据的日子留空。今日一次办结率 "
                + "\(oneVisit(board.todayFigures.cohort))，满意率 \(percent(board.trend.last?.satisfied))。",
            series: [
                ManageChart.Series(
                    name: "一次办结率", color: blue, points: points.map { (Double($0.offset), $0.element.oneVisit) }),
                ManageChart.Series(
                    name: "满意率", color: green, points: points.map { (Double($0.offset), $0.element.satisfied) }),
            ],
            x: .init(range: 0...Double(max(1, board.trend.count - 1)), ticks: ticks),
            y: .init(range: 0...1, ticks: [0, 0.25, 0.5, 0.75, 1].map { (value: $0, label: "\(Int($0 * 100))%") }))
        return section("trend", "全厅每日趋势（近30天）") {
            legend([("一次办结率", blue), ("满意率", green)])
            figure(chart)
        }
    }

    /// The materials named missing most often over the 30 days, each linking to its guide.
    static func materialsSection(_ board: ManageDashboard) -> Markup {
        let missed = board.month.services.flatMap { service in
            service.mostMissedMaterials.map { (service: service, material: $0) }
        }.sorted { $0.material.count > $1.material.count }.prefix(10)
        guard !missed.isEmpty else {
            return section("materials", "缺件最多的材料（近30天）") { Markup.p { "近30天没有因缺件需要补正的办件。" } }
        }
        return section("materials", "缺件最多的材料（近30天）") {
            Markup.p { "申请人最常缺少的材料：检查这些办事指南是否写得清楚。" }
            Markup.element("ol", [.class("missed")]) {
                for entry in missed {
                    Markup.li {
                        Markup.a(href: .path("guides", entry.service.serviceId, fragment: "materials")) {
                            entry.material.name
                        }
                        " "
                        Markup.span(.class("meta")) {
                            "\(entry.service.serviceName ?? entry.service.serviceId) · \(entry.material.count) 次"
                        }
                    }
                }
            }
        }
    }

    static func legend(_ entries: [(String, String)]) -> Markup {
        .ul(.class("legend")) {
            for (name, color) in entries {
                Markup.li {
                    Markup.span(.class("swatch"), Attribute("style", "background:\(color)")) {}; name
                }
            }
        }
    }
}
