import Foundation
import OneWindowApp
import OneWindowTesting
import Testing

/// `GET /api/v1/reports/daily.csv`: the manager's spreadsheet of one hall day.
@Suite("The daily CSV report", .timeLimit(.minutes(2)))
struct DailyReportTests {
    @Test("the daily CSV has a BOM, the Chinese header row and the day's figures per service")
    func dailyCSV() throws {
        let day = try ManagerDay()
        defer { day.app.stop() }
        let response = try day.app.client.get(
            "/api/v1/reports/daily.csv?date=\(ManagerDay.day)", headers: ["Authorization": "Bearer \(day.admin)"])
        #expect(response.status == 200, "\(response.text)")
        #expect(response.headers["content-type"] == "text/csv; charset=utf-8")
        let disposition = response.headers["content-disposition"] ?? ""
        #expect(disposition.hasPrefix("attachment; filename=\"onewindow-daily-2026-11-27.csv\""), "\(disposition)")
        #expect(disposition.contains("filename*=UTF-8''"))
        #expect(Array(response.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: response.body.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(
            lines[0]
                == "事项编码,事项名称,取号数,办理人次,过号,作废,平均等候(秒),等候中位数(秒),等候90%分位(秒),平均办理(秒),办理中位数(秒),"
                + "办结件数,在办件数,撤销件数,首次到场件数,首次即办结件数,首次办结率,其后办结件数,仍在办件数,到场后撤销件数,一次办结率,"
                + "办结天数中位数,办结件一次办结率,承诺跑动达标率,件均跑动次数,评价数,满意率,差评未整改,差评超期,缺件最多的材料,"
                + "现场取号数,预约取号数,线上取号数,现场等候中位数(秒),预约等候中位数(秒),线上等候中位数(秒),"
                + "预约数,预约取消数,预约签到数,预约爽约率,预约准时率,预约号源数,号源使用率")
        // 最低生活保障: two first visits, one closed at once, one still open (50 %); the closed
        // cases alone would say 100 %.
        #expect(
            lines.contains(
                "T-JZ-001,最低生活保障,2,2,0,0,420,300,540,300,300,1,1,0,2,1,50.00%,0,1,0,50.00%,0,100.00%,100.00%,1,2,"
                    + "50.00%,1,0,家庭收入证明×1,2,0,0,300,,,,,,,,,"), "\(lines)")
        // A001's wait counts though it was a no-show: issued at 120 s, called at 900 s.
        // All walk-ins: by channel, 1 walk-in waiting 780 s, none by appointment or from a phone;
        // the hall takes no appointments, so the seven booking cells are empty.
        #expect(
            lines.contains("T-HY-001,内地居民结婚登记,1,0,1,0,780,780,780,,,0,1,0,0,0,,0,0,0,,,,,,0,,0,0,,1,0,0,780,,,,,,,,,"))
        #expect(lines.contains { $0.hasPrefix("合计,全部事项,3,2,1,0,540,540,780,") })
        #expect(lines.count == 3 + 2 + 1, "header, three services, the total and the final line end: \(lines)")
    }

    @Test("only admins get the daily CSV, and the date is required and checked")
    func access() throws {
        let day = try ManagerDay()
        defer { day.app.stop() }
        let clerk = try day.app.client.get(
            "/api/v1/reports/daily.csv?date=2026-11-27", headers: ["Authorization": "Bearer \(day.clerk)"])
        #expect(clerk.status == 403)
        #expect(try day.app.client.get("/api/v1/reports/daily.csv?date=2026-11-27").status == 401)
        for query in ["", "?date=2026-11-31", "?date=27.11.2026", "?date=2026-11-27&x=1"] {
            let response = try day.app.client.get(
                "/api/v1/reports/daily.csv" + query, headers: ["Authorization": "Bearer \(day.admin)"])
            #expect(response.status == 400, "\(query): \(response.text)")
        }
    }
}
