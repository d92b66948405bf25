import Foundation
import OneWindowTesting
import Testing

/// One fold, five outputs: `/api/v1/metrics`, Prometheus `/metrics`, the daily CSV,
/// `onewindowd report` and `/manage` give the same first-visit, cohort and wait figures (and
/// Prometheus the API's waits by channel).
@Suite("One fold, five outputs", .timeLimit(.minutes(2)))
struct OneFoldOutputsTests {
    /// `ManagerDay`, then a third 最低生活保障 case that needs more at its first visit and closes
    /// at its return the same morning: 最低生活保障 has 3 first visits, 1 closed at once, 1 closed
    /// later, 1 still open.
    static func day(database: String) throws -> ManagerDay {
        let day = try ManagerDay(database: database)
        func post(_ path: String, _ token: String, _ json: String = "") throws -> [String: Any] {
            let response = try day.app.post(path, token: token, json: json)
            #expect((200..<300).contains(response.status), "\(path): \(response.text)")
            return response.json["ticket"] as? [String: Any] ?? response.json
        }
        day.clock.advance(60)
        let first = try post("/api/v1/tickets", day.kiosk, #"{"serviceId":"T-JZ-001"}"#)
        day.clock.advance(240)
        _ = try post("/api/v1/windows/1/call-next", day.clerk)
        day.clock.advance(180)
        let id = first["id"] as! String
        _ = try post(
            "/api/v1/tickets/\(id)/complete", day.clerk,
            #"{"window":"1","outcome":"needs_more","missingMaterials":["m2"]}"#)
        day.clock.advance(600)
        let back = try post("/api/v1/tickets", day.kiosk, #"{"caseId":"\#(first["caseId"] as! String)"}"#)
        day.clock.advance(30)
        _ = try post("/api/v1/windows/1/call-next", day.clerk)
        day.clock.advance(200)
        _ = try post(
            "/api/v1/tickets/\(back["id"] as! String)/complete", day.clerk, #"{"window":"1","outcome":"completed"}"#)
        let state = day.app.application.state
        let last = try state.storage.lastQueueEventId()
        let deadline = Date().addingTimeInterval(5)
        while state.metrics.read(\.lastEventId) < last, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        return day
    }

    /// The figures compared, as the API gives them.
    struct Figures {
        var firstVisits: Int
        var firstVisitResolved: Int
        var firstVisitResolutionRate: Double?
        var cohort: [String: Any]
        var wait: [String: Any]

        init(_ json: [String: Any]) {
            firstVisits = json["firstVisits"] as! Int
            firstVisitResolved = json["firstVisitResolved"] as! Int
            firstVisitResolutionRate = json["firstVisitResolutionRate"] as? Double
            cohort = json["cohort"] as! [String: Any]
            wait = json["waitSeconds"] as! [String: Any]
        }

        func int(_ key: String) -> Int { cohort[key] as! Int }
        var oneVisitRate: Double? { cohort["oneVisitRate"] as? Double }
        var medianDays: Int? { cohort["medianDaysToClose"] as? Int }
        var waitMean: Double? { wait["mean"] as? Double }
        var waitMedian: Int? { wait["median"] as? Int }
        var waitP90: Int? { wait["p90"] as? Int }
    }

    static func percent(_ share: Double?, decimals: Int) -> String {
        share.map { String(format: "%.\(decimals)f%%", $0 * 100) } ?? (decimals == 2 ? "" : "—")
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return value == value.rounded() ? "\(Int(value))" : "\(value)"
    }

    @Test("the API, Prometheus, the daily CSV, onewindowd report and /manage agree on first visits, cohorts and waits")
    func fiveOutputsAgree() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.path("hall.sqlite")
        let day = try Self.day(database: database)
        defer { day.app.stop() }
        let api = try day.app.client.get(
            "/api/v1/metrics?from=2026-11-27&to=2026-11-27", headers: ["Authorization": "Bearer \(day.clerk)"])
        #expect(api.status == 200)
        let hall = Figures(api.json)
        let services = (api.json["services"] as! [[String: Any]]).map { ($0["serviceId"] as! String, Figures($0)) }
        let dibao = try #require(services.first { $0.0 == "T-JZ-001" }?.1)
        // Worked out by hand: the cohort of 最低生活保障, and the waits of the day's five calls
        // (300, 540, 780 for the no-show, 240 and 30 s).
        #expect(dibao.firstVisits == 3 && dibao.firstVisitResolved == 1 && dibao.int("closedLater") == 1)
        #expect(dibao.int("open") == 1 && dibao.oneVisitRate == 0.3333 && dibao.medianDays == 0)
        #expect(
            hall.wait["count"] as? Int == 5 && hall.waitMean == 378 && hall.waitMedian == 300 && hall.waitP90 == 780)

        try checkPrometheus(day, hall: hall, services: services)
        try checkChannelWaits(day, channels: try #require(api.json["channels"] as? [String: [String: Any]]))
        try checkCSV(day, hall: hall, services: services)
        try checkReport(database, hall: hall, dibao: dibao)
        try checkManage(day, hall: hall, dibao: dibao)
    }

    func checkPrometheus(_ day: ManagerDay, hall: Figures, services: [(String, Figures)]) throws {
        let parsed = try PrometheusTests.scrape(day.app) {
            $0.value("onewindow_wait_seconds_count", ["service": "T-JZ-001"]) == 4
        }
        for (id, figures) in services {
            let service = ["service": id]
            #expect(parsed.value("onewindow_first_visits_cases", service) == Double(figures.firstVisits), "\(id)")
            #expect(
                parsed.value("onewindow_first_visits_resolved_cases", service) == Double(figures.firstVisitResolved))
            for (state, key) in [
                ("closed_at_first_visit", "closedAtFirstVisit"), ("closed_later", "closedLater"), ("open", "open"),
                ("cancelled", "cancelled"),
            ] {
                #expect(
                    parsed.value("onewindow_cohort_cases", ["service": id, "state": state]) == Double(figures.int(key)),
                    "\(id) \(state)")
            }
            let count = Double(figures.wait["count"] as! Int)
            #expect((parsed.value("onewindow_wait_seconds_count", service) ?? 0) == count, "\(id) waits")
            if let mean = figures.waitMean {
                let sum = parsed.value("onewindow_wait_seconds_sum", service) ?? 0
                #expect(((sum / count) * 10).rounded() / 10 == mean, "\(id): the mean wait")
            }
        }
        #expect(parsed.value("onewindow_one_visit_ratio", [:]) == hall.oneVisitRate)
        #expect(parsed.value("onewindow_first_visit_resolution_ratio", [:]) == hall.firstVisitResolutionRate)
        #expect(parsed.value("onewindow_cohort_median_days_to_close_days", [:]) == hall.medianDays.map(Double.init))
    }

    /// The CSV's cells of the new figures and the wait, in its column order.
    static func csvCells(_ f: Figures) -> [String] {
        [
            number(f.waitMean), f.waitMedian.map(String.init) ?? "", f.waitP90.map(String.init) ?? "",
            "\(f.firstVisits)", "\(f.firstVisitResolved)", percent(f.firstVisitResolutionRate, decimals: 2),
            "\(f.int("closedLater"))", "\(f.int("open"))", "\(f.int("cancelled"))",
            percent(f.oneVisitRate, decimals: 2), f.medianDays.map(String.init) ?? "",
        ]
    }

    func checkCSV(_ day: ManagerDay, hall: Figures, services: [(String, Figures)]) throws {
        let response = try day.app.client.get(
            "/api/v1/reports/daily.csv?date=2026-11-27", headers: ["Authorization": "Bearer \(day.admin)"])
        #expect(response.status == 200)
        let rows = String(decoding: response.body.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
            .filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        let header = rows[0]
        let columns = [
            "平均等候(秒)", "等候中位数(秒)", "等候90%分位(秒)", "首次到场件数", "首次即办结件数", "首次办结率", "其后办结件数", "仍在办件数",
            "到场后撤销件数", "一次办结率", "办结天数中位数",
        ].map { header.firstIndex(of: $0)! }
        for (id, figures) in services + [("合计", hall)] {
            let row = try #require(rows.first { $0[0] == id })
            #expect(columns.map { row[$0] } == Self.csvCells(figures), "\(id)")
        }
    }

    func checkReport(_ database: String, hall: Figures, dibao: Figures) throws {
        let report = try DaemonProcess.runSeparately([
            "report", "--database", database, "--catalogue", Fixtures.validCatalogue, "--from", "2026-11-27", "--to",
            "2026-11-27", "--today", "2026-11-27",
        ])
        #expect(report.status == 0, "\(report.errors)")
        let lines = String(decoding: report.output, as: UTF8.self).components(separatedBy: "\n")
        let cohortLine =
            "一次办结率 \(Self.percent(hall.oneVisitRate, decimals: 2))（首次到场 \(hall.firstVisits) 件：当场办结 "
            + "\(hall.int("closedAtFirstVisit")) · 其后办结 \(hall.int("closedLater")) · \(hall.int("open")) 件仍在办 · 撤销 "
            + "\(hall.int("cancelled"))；办结天数中位数 \(hall.medianDays.map(String.init) ?? "—")）"
        #expect(lines.contains(cohortLine), "\(lines)")
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "首次办结率 \(Self.percent(hall.firstVisitResolutionRate, decimals: 2))（\(hall.firstVisitResolved)/\(hall.firstVisits)）"
                )
            })
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "等候 平均 \(Self.number(hall.waitMean)) 秒 · 中位 \(hall.waitMedian!) 秒 · 90%分位 \(hall.waitP90!) 秒")
            })
        let row = try #require(lines.first { $0.hasPrefix("T-JZ-001") }).split(separator: " ").map(String.init)
        // 等候中位数, then 首次办结率, 一次办结率, 仍在办件数 after 办结件数 and 在办件数.
        #expect(row[6] == "\(dibao.waitMedian!)")
        #expect(
            Array(row[9...11]) == [
                Self.percent(dibao.firstVisitResolutionRate, decimals: 2),
                Self.percent(dibao.oneVisitRate, decimals: 2),
                "\(dibao.int("open"))",
            ])
    }

    func checkManage(_ day: ManagerDay, hall: Figures, dibao: Figures) throws {
        let (_, cookie) = try ManagePageTests.signIn(day.app, day.admin)
        let page = try day.app.client.get("/manage", headers: ["Cookie": try #require(cookie)]).text
        let rate = "\(Self.percent(hall.oneVisitRate, decimals: 1)) · \(hall.int("open")) 件仍在办"
        #expect(page.contains("<dt>近30天一次办结率</dt><dd>\(rate)</dd>"), "\(page)")
        #expect(
            page.contains("<dt>近30天首次办结率</dt><dd>\(Self.percent(hall.firstVisitResolutionRate, decimals: 1))</dd>"))
        // 5 waits today, under the 10 a median needs: the count the fold has, not a median.
        let waits = try #require(hall.wait["count"] as? Int)
        #expect(waits < 10 && page.contains("<dt>今日等候中位数</dt><dd>样本不足（\(waits) 人次）</dd>"))
        let cells =
            "<td>\(dibao.firstVisits)</td><td>\(Self.percent(dibao.oneVisitRate, decimals: 1))</td>"
            + "<td>\(dibao.int("open"))</td><td>\(Self.percent(dibao.firstVisitResolutionRate, decimals: 1))</td>"
        #expect(page.contains("最低生活保障</a></th>" + cells), "\(page)")
    }
}
