import Foundation
import OneWindowTesting
import Testing

/// `onewindowd report`: the metrics from the database's event log, read while the daemon runs.
@Suite("The report command", .timeLimit(.minutes(2)))
struct ReportCommandTests {
    @Test("report --format json prints exactly what GET /api/v1/metrics answers, while the daemon runs")
    func sameAsAPI() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.path("hall.sqlite")
        let day = try ManagerDay(database: database)
        defer { day.app.stop() }
        for service in [nil, "T-JZ-001"] {
            let query = "from=2026-11-20&to=2026-11-30" + (service.map { "&serviceId=\($0)" } ?? "")
            // The metrics follow each commit a moment after its answer: wait for the last rating.
            let auth = ["Authorization": "Bearer \(day.clerk)"]
            var api = try day.app.client.get("/api/v1/metrics?\(query)", headers: auth)
            let deadline = Date().addingTimeInterval(5)
            while !api.text.contains(#""counts":{"1":0,"2":1"#), Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
                api = try day.app.client.get("/api/v1/metrics?\(query)", headers: auth)
            }
            #expect(api.status == 200)
            let report = try DaemonProcess.runSeparately(
                [
                    "report", "--database", database, "--catalogue", Fixtures.validCatalogue, "--from", "2026-11-20",
                    "--to", "2026-11-30", "--format", "json", "--today", "2026-11-27",
                ] + (service.map { ["--serviceId", $0] } ?? []))
            #expect(report.status == 0, "\(report.errors)")
            #expect(
                String(decoding: report.output, as: UTF8.self) == api.text + "\n",
                "report:\n\(String(decoding: report.output, as: UTF8.self))\nAPI:\n\(api.text)")
        }
    }

    @Test("report prints a table for a terminal, and the daily CSV's table with --format csv")
    func textAndCSV() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.path("hall.sqlite")
        let day = try ManagerDay(database: database)
        day.app.stop()
        let arguments = [
            "report", "--database", database, "--catalogue", Fixtures.validCatalogue, "--from", "2026-11-27", "--to",
            "2026-11-27",
        ]
        let text = try DaemonProcess.runSeparately(arguments)
        let lines = String(decoding: text.output, as: UTF8.self).components(separatedBy: "\n")
        #expect(text.status == 0, "\(text.errors)")
        #expect(lines[0] == "一窗通 指标 2026-11-27 至 2026-11-27（全部事项）")
        #expect(lines.contains("取号 3 · 办理 2 人次 · 过号 1 · 作废 0"))
        #expect(lines.contains("缺件最多：家庭收入证明（最低生活保障）×1"))
        #expect(lines.contains("一次办结率 50.00%（首次到场 2 件：当场办结 1 · 其后办结 0 · 1 件仍在办 · 撤销 0；办结天数中位数 0）"))
        #expect(lines.contains("首次办结率 50.00%（1/2） · 办结件一次办结率 100.00%"))
        let row = try #require(lines.first { $0.hasPrefix("T-JZ-001") })
        #expect(
            row.split(separator: " ", omittingEmptySubsequences: true) == [
                "T-JZ-001", "最低生活保障", "2", "2", "0", "0", "300", "1", "1", "50.00%", "50.00%", "1", "50.00%", "1",
            ])
        #expect(lines.contains("（另有 1 个事项在此期间没有数据，见 --format csv）"))
        let csv = try DaemonProcess.runSeparately(arguments + ["--format", "csv"])
        #expect(Array(csv.output.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: csv.output, as: UTF8.self).contains("\r\nT-JZ-001,最低生活保障,2,2,0,0,420,300,540,"))
    }

    @Test("report names what is wrong: a bad date, an unknown service, a missing database")
    func mistakes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let base = ["report", "--catalogue", Fixtures.validCatalogue, "--database", directory.path("none.sqlite")]
        let badDate = try DaemonProcess.runSeparately(base + ["--from", "2026-02-30", "--to", "2026-03-01"])
        #expect(badDate.status != 0 && badDate.errors.contains("--from must be a date written yyyy-MM-dd"))
        let backwards = try DaemonProcess.runSeparately(base + ["--from", "2026-03-02", "--to", "2026-03-01"])
        #expect(backwards.status != 0 && backwards.errors.contains("is after --to"))
        let unknown = try DaemonProcess.runSeparately(
            base + ["--from", "2026-03-01", "--to", "2026-03-01", "--serviceId", "NOPE"])
        #expect(unknown.status == 1 && unknown.errors.contains("no service item with id “NOPE”"), "\(unknown.errors)")
        let missing = try DaemonProcess.runSeparately(base + ["--from", "2026-03-01", "--to", "2026-03-01"])
        #expect(missing.status == 1 && missing.errors.contains("none.sqlite"), "\(missing.errors)")
        #expect(
            !FileManager.default.fileExists(atPath: directory.path("none.sqlite")), "a missing database is not created")
        let help = try DaemonProcess.runSeparately(["report", "--help"])
        let helpText = String(decoding: help.output, as: UTF8.self)
        #expect(
            helpText.contains("--serviceId") && helpText.contains("text, csv or json") && !helpText.contains("--today"))
    }

    @Test("report --compare prints each service's first-visit rates before and after, and refuses a bad range")
    func compare() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.path("hall.sqlite")
        let day = try ManagerDay(database: database)
        day.app.stop()
        let base = ["report", "--database", database, "--catalogue", Fixtures.validCatalogue]
        let result = try DaemonProcess.runSeparately(
            base + ["--compare", "2026-11-20..2026-11-26", "2026-11-27..2026-11-27"])
        #expect(result.status == 0, "\(result.errors)")
        let lines = String(decoding: result.output, as: UTF8.self).components(separatedBy: "\n")
        #expect(lines[0] == "一窗通 前后对比：2026-11-20 至 2026-11-26 → 2026-11-27 至 2026-11-27")
        let row = try #require(lines.first { $0.hasPrefix("T-JZ-001") })
        #expect(
            row.split(separator: " ", omittingEmptySubsequences: true) == [
                "T-JZ-001", "最低生活保障", "0", "—", "—", "2", "50.00%", "50.00%", "—",
            ])
        #expect(
            !lines.contains { $0.hasPrefix("T-HY-001") }, "a service with no first visit in either range is left out")
        let same = try DaemonProcess.runSeparately(
            base + ["--compare", "2026-11-27..2026-11-27", "2026-11-27..2026-11-27"])
        let hall = String(decoding: same.output, as: UTF8.self).components(separatedBy: "\n").first {
            $0.contains("全部事项")
        }
        #expect(hall?.hasSuffix("+0.00 个百分点") == true, "\(hall ?? "")")
        let one = try DaemonProcess.runSeparately(base + ["--compare", "2026-11-20..2026-11-26"])
        #expect(one.status != 0 && one.errors.contains("--compare needs two ranges"), "\(one.errors)")
        let bad = try DaemonProcess.runSeparately(
            base + ["--compare", "2026-11-20-2026-11-26", "2026-11-27..2026-11-27"])
        #expect(bad.status != 0 && bad.errors.contains("is not FROM..TO"), "\(bad.errors)")
        let both = try DaemonProcess.runSeparately(
            base + [
                "--from", "2026-11-27", "--to", "2026-11-27", "--compare", "2026-11-20..2026-11-26",
                "2026-11-27..2026-11-27",
            ])
        #expect(both.status != 0 && both.errors.contains("instead of --from and --to"), "\(both.errors)")
    }
}
