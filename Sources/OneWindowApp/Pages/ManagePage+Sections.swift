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
    static func waitingSection(_ board: ManageDashboard) -> String {
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
        return section("waiting", "今日等候人数", "<p>\(HTML.escape(summary))</p>\n<figure tabindex=\"0\">\(chart)</figure>")
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
    static func servicesSection(_ board: ManageDashboard) -> String {
        let services = board.month.services.filter {
            $0.metrics.cohort.opened > 0 || $0.metrics.casesClosed > 0
                || $0.metrics.satisfaction.counts.values.contains { $0 > 0 }
        }.sorted { ($0.metrics.cohort.oneVisitRate ?? 2) < ($1.metrics.cohort.oneVisitRate ?? 2) }
        let range = "\(board.month.from) 至 \(board.month.to)"
        guard !services.isEmpty else {
            return section("services", "各事项一次办结率与满意率（近30天）", "<p>\(range) 没有到场办理的办件或评价。</p>")
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
        let rows = services.map { service in
            let m = service.metrics
            return "<tr><th scope=\"row\"><a href=\"/guides/\(HTML.urlComponent(service.serviceId))\">"
                + "\(HTML.escape(service.serviceName ?? service.serviceId))</a></th><td>\(m.cohort.opened)</td>"
                + "<td>\(percent(m.cohort.oneVisitRate))</td><td>\(m.cohort.open)</td>"
                + "<td>\(percent(m.firstVisitResolutionRate))</td><td>\(m.satisfaction.counts.values.reduce(0, +))</td>"
                + "<td>\(percent(m.satisfaction.satisfiedShare))</td></tr>"
        }
        let table = """
            <div class="table-wrap" tabindex="0" role="region" aria-label="各事项数据表">
            <table><caption>\(range)。一次办结率：首次到场的办件中当场办结的比例（撤销的不计），仍在办的办件计为未一次办结。</caption>
            <thead><tr><th scope="col">事项</th><th scope="col">首次到场件数</th><th scope="col">一次办结率</th>\
            <th scope="col">仍在办</th><th scope="col">首次办结率</th><th scope="col">评价数</th><th scope="col">满意率</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table></div>
            """
        return section(
            "services", "各事项一次办结率与满意率（近30天）",
            legend([("一次办结率", blue), ("满意率", green)]) + (note.isEmpty ? "" : "\n<p class=\"meta\">\(note)</p>")
                + "\n<figure tabindex=\"0\">\(chart)</figure>\n" + table)
    }

    /// The hall's daily one-visit rate and satisfied share over the 30 days.
    static func trendSection(_ board: ManageDashboard) -> String {
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
        return section(
            "trend", "全厅每日趋势（近30天）",
            legend([("一次办结率", blue), ("满意率", green)]) + "\n<figure tabindex=\"0\">\(chart)</figure>")
    }

    /// The materials named missing most often over the 30 days, each linking to its guide.
    static func materialsSection(_ board: ManageDashboard) -> String {
        let missed = board.month.services.flatMap { service in
            service.mostMissedMaterials.map { (service: service, material: $0) }
        }.sorted { $0.material.count > $1.material.count }.prefix(10)
        guard !missed.isEmpty else { return section("materials", "缺件最多的材料（近30天）", "<p>近30天没有因缺件需要补正的办件。</p>") }
        let items = missed.map { entry in
            "<li><a href=\"/guides/\(HTML.urlComponent(entry.service.serviceId))#materials\">"
                + "\(HTML.escape(entry.material.name))</a> <span class=\"meta\">\(HTML.escape(entry.service.serviceName ?? entry.service.serviceId))"
                + " · \(entry.material.count) 次</span></li>"
        }
        return section(
            "materials", "缺件最多的材料（近30天）",
            "<p>申请人最常缺少的材料：检查这些办事指南是否写得清楚。</p>\n<ol class=\"missed\">\n\(items.joined(separator: "\n"))\n</ol>")
    }

    static func legend(_ entries: [(String, String)]) -> String {
        let items = entries.map {
            "<li><span class=\"swatch\" style=\"background:\($0.1)\"></span>\(HTML.escape($0.0))</li>"
        }
        return "<ul class=\"legend\">\(items.joined())</ul>"
    }
}
