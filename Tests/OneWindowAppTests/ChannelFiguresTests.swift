import Foundation
import GRDB
import OneWindowCore
import OneWindowStorage
import OneWindowTesting
import Testing

@testable import OneWindowApp

/// The numbers by channel (walk-in, appointment, remote) and the bookings, in every output:
/// `/api/v1/metrics`, Prometheus and the daily CSV give the same figures of one scripted day.
@Suite("The numbers by channel", .timeLimit(.minutes(2)))
struct ChannelFiguresTests {
    /// Monday 2026-12-14 at a hall taking appointments (A: 2 places per slot, 11 slots): four
    /// bookings of 婚姻登记 at 09:00 (check-in window 08:30–09:15) and one cancelled. K1 checks
    /// in at 08:40 (punctual); a walk-in and K2 come at 09:10 (K2 in the window, after the
    /// start); K3 never comes (missed from 09:15); C1 was cancelled. At 09:20 window 1 calls and
    /// completes the three tickets: K1 waited 2,400 s, K2 and the walk-in 600 s each.
    final class Day: Sendable {
        let app: TestApplication
        let clock: ManualClock
        let kiosk: String
        let clerk: String
        let admin: String
        let directory: TemporaryDirectory

        init() throws {
            directory = try TemporaryDirectory()
            clock = ManualClock(CheckInAPITests.at("08:40"))
            let pool = try DatabasePool(path: directory.path("hall.sqlite"), configuration: Storage.configuration())
            let storage = try Storage(writer: pool)
            try storage.transaction { transaction in
                for code in ["K1", "K2", "K3"] {
                    try transaction.upsert(CheckInAPITests.booking(code), phoneSealed: Data([1]))
                }
                var cancelled = CheckInAPITests.booking("C1")
                cancelled.status = .cancelled
                cancelled.cancelledAt = CheckInAPITests.at("07:00")
                try transaction.upsert(cancelled, phoneSealed: Data([2]))
            }
            let catalogue = try AppointmentSlotsAPITests.catalogue(in: directory)
            let clock = clock
            app = try TestApplication(catalogue: catalogue) {
                $0.storage = storage
                $0.clock = { clock.read() }
            }
            kiosk = try app.createToken(role: .kiosk, name: "kiosk-1")
            clerk = try app.createToken(role: .clerk, name: "clerk-1", window: "1")
            admin = try app.createToken(role: .admin, name: "manager")
        }

        func post(_ path: String, _ token: String, _ json: String = "") throws -> TestResponse {
            let response = try app.post(path, token: token, json: json)
            #expect((200..<300).contains(response.status), "\(path): \(response.status) \(response.text)")
            return response
        }

        /// Plays the day up to 09:20, its three tickets served.
        func script() throws {
            _ = try post("/api/v1/appointments/K1/check-in", kiosk, "{}")
            clock.advance(30 * 60)
            _ = try post("/api/v1/tickets", kiosk, #"{"serviceId":"T-HY-001"}"#)
            _ = try post("/api/v1/appointments/K2/check-in", kiosk, "{}")
            clock.advance(10 * 60)
            for _ in 0..<3 {
                let called = try post("/api/v1/windows/1/call-next", clerk)
                let id = try #require((called.json["ticket"] as? [String: Any])?["id"] as? String, "\(called.text)")
                _ = try post("/api/v1/tickets/\(id)/complete", clerk, #"{"window":"1","outcome":"completed"}"#)
            }
        }

        func stop() {
            app.stop()
            directory.remove()
        }
    }

    @Test(
        "the API, Prometheus and the daily CSV agree on bookings, check-ins, no-shows, punctuality, capacity and waits by channel"
    )
    func outputsAgree() throws {
        let day = try Day()
        defer { day.stop() }
        try day.script()
        let app = day.app
        let metrics = try app.client.get(
            "/api/v1/metrics?from=2026-12-14&to=2026-12-14", headers: ["Authorization": "Bearer \(day.clerk)"])
        #expect(metrics.status == 200, "\(metrics.text)")
        // Worked out by hand: K1, K2 and K3 kept, C1 cancelled; K3 missed of the three whose
        // window closed; K1 of the two check-ins punctual; 3 of 22 places.
        let bookings = try #require(metrics.json["bookings"] as? [String: Any], "\(metrics.text)")
        #expect(bookings["bookings"] as? Int == 3 && bookings["cancelled"] as? Int == 1)
        #expect(bookings["checkedIn"] as? Int == 2 && bookings["late"] as? Int == 0 && bookings["missed"] as? Int == 1)
        #expect(bookings["windowClosed"] as? Int == 3 && bookings["punctual"] as? Int == 1)
        #expect(bookings["noShowRate"] as? Double == 0.3333 && bookings["punctualShare"] as? Double == 0.5)
        #expect(bookings["capacity"] as? Int == 22 && bookings["capacityUsedShare"] as? Double == 0.1364)
        let services = try #require(metrics.json["services"] as? [[String: Any]])
        let marriage = try #require(services.first { $0["serviceId"] as? String == "T-HY-001" })
        #expect(NSDictionary(dictionary: marriage["bookings"] as! [String: Any]).isEqual(to: bookings))
        let channels = try #require(metrics.json["channels"] as? [String: [String: Any]])
        func wait(_ channel: String) -> [String: Any] { channels[channel]!["waitSeconds"] as! [String: Any] }
        #expect(
            channels["appointment"]?["ticketsIssued"] as? Int == 2 && wait("appointment")["mean"] as? Double == 1500)
        #expect(channels["walk_in"]?["ticketsIssued"] as? Int == 1 && wait("walk_in")["median"] as? Int == 600)
        #expect(channels["remote"]?["ticketsIssued"] as? Int == 0 && wait("remote")["count"] as? Int == 0)

        let parsed = try PrometheusTests.scrape(app) {
            $0.value("onewindow_wait_by_channel_seconds_count", ["channel": "appointment"]) == 2
                && $0.value("onewindow_bookings", [:]) != nil
        }
        for channel in ["walk_in", "appointment", "remote"] {
            let figures = wait(channel)
            let count = Double(figures["count"] as! Int)
            #expect(
                parsed.value("onewindow_wait_by_channel_seconds_count", ["channel": channel]) == count, "\(channel)")
            let sum = parsed.value("onewindow_wait_by_channel_seconds_sum", ["channel": channel]) ?? -1
            #expect(count == 0 ? sum == 0 : sum / count == figures["mean"] as? Double, "\(channel): the mean wait")
        }
        // The gauges cover the last 30 hall days, whose only bookings are today's; their places
        // are 20 working days of 22.
        let month = try app.client.get(
            "/api/v1/metrics?from=2026-11-15&to=2026-12-14", headers: ["Authorization": "Bearer \(day.clerk)"])
        let thirty = try #require(month.json["bookings"] as? [String: Any], "\(month.text)")
        #expect(thirty["capacity"] as? Int == 440 && thirty["capacityUsedShare"] as? Double == 0.0068)
        for (name, key) in [
            ("onewindow_bookings", "bookings"), ("onewindow_bookings_cancelled", "cancelled"),
            ("onewindow_booking_check_ins", "checkedIn"), ("onewindow_booking_check_ins_late", "late"),
            ("onewindow_bookings_missed", "missed"), ("onewindow_booking_capacity_places", "capacity"),
            ("onewindow_bookings_window_closed", "windowClosed"), ("onewindow_booking_check_ins_punctual", "punctual"),
        ] {
            #expect(parsed.value(name, [:]) == Double(thirty[key] as! Int), "\(name)")
        }
        #expect(parsed.value("onewindow_booking_no_show_ratio", [:]) == thirty["noShowRate"] as? Double)
        #expect(parsed.value("onewindow_booking_punctual_ratio", [:]) == thirty["punctualShare"] as? Double)
        #expect(parsed.value("onewindow_booking_capacity_used_ratio", [:]) == 0.0068)

        let csv = try app.client.get(
            "/api/v1/reports/daily.csv?date=2026-12-14", headers: ["Authorization": "Bearer \(day.admin)"])
        #expect(csv.status == 200, "\(csv.text)")
        let rows = String(decoding: csv.body.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
            .filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        #expect(rows[0] == Self.header, "\(rows[0])")
        let tail = ["1", "2", "0", "600", "600", "", "3", "1", "2", "33.33%", "50.00%", "22", "13.64%"]
        for id in ["T-HY-001", "合计"] {
            let row = try #require(rows.first { $0[0] == id })
            #expect(Array(row.suffix(13)) == tail, "\(id): \(row)")
        }
    }

    @Test("/manage shows the channels of the 30 days, and 样本不足 with the count under ten waits or bookings")
    func managePage() throws {
        let day = try Day()
        defer { day.stop() }
        try day.script()
        let (_, cookie) = try ManagePageTests.signIn(day.app, day.admin)
        let page = try day.app.client.get("/manage", headers: ["Cookie": try #require(cookie)]).text
        let start = try #require(page.range(of: #"<h2 id="channels">各渠道（近30天）</h2>"#), "\(page)")
        let section = String(page[start.lowerBound...].prefix(2_000))
        let row = { (name: String, cells: [String]) in
            #"<th scope="row">\#(name)</th>"# + cells.map { "<td>\($0)</td>" }.joined()
        }
        #expect(section.contains(row("现场", ["1", "样本不足（1 人次）", "—", "—", "—", "—", "—"])), "\(section)")
        #expect(
            section.contains(
                row("预约", ["2", "样本不足（2 人次）", "3", "2", "样本不足（3 个）", "样本不足（2 个）", "0.7%（3/440）"])),
            "\(section)")
        #expect(section.contains(row("线上", ["0", "—", "—", "—", "—", "—", "—"])))
    }

    /// The daily CSV's header, exactly: the README lists the same columns.
    static let header = [
        "事项编码", "事项名称", "取号数", "办理人次", "过号", "作废", "平均等候(秒)", "等候中位数(秒)", "等候90%分位(秒)",
        "平均办理(秒)", "办理中位数(秒)", "办结件数", "在办件数", "撤销件数", "首次到场件数", "首次即办结件数", "首次办结率",
        "其后办结件数", "仍在办件数", "到场后撤销件数", "一次办结率", "办结天数中位数", "办结件一次办结率", "承诺跑动达标率", "件均跑动次数",
        "评价数", "满意率", "差评未整改", "差评超期", "缺件最多的材料",
        "现场取号数", "预约取号数", "线上取号数", "现场等候中位数(秒)", "预约等候中位数(秒)", "线上等候中位数(秒)",
        "预约数", "预约取消数", "预约签到数", "预约爽约率", "预约准时率", "预约号源数", "号源使用率",
    ]
}
