import Foundation
import OneWindowCore
import OneWindowStorage
import OneWindowTesting
import Testing

/// 预约签到 by keystrokes, against the real daemon: a code typed, a QR code scanned (a link
/// typed by the scanner, ending with Enter), too early and a wrong code. The daemon runs on the
/// real clock, so the bookings are made around now.
@Suite("End to end: check-in at the kiosk", .serialized, .timeLimit(.minutes(2)))
struct CheckInEndToEndTests {
    static let calendar = HallCalendar(timeZone: "Asia/Shanghai")

    /// The fixture with appointments for letter A (内地居民结婚登记).
    static func catalogue(in directory: TemporaryDirectory) throws -> String {
        var document =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue)))
            as! [String: Any]
        var hall = document["hall"] as! [String: Any]
        hall["appointments"] = [
            "sessions": [["from": "09:00", "to": "11:30"]], "slotMinutes": 30, "capacity": ["A": 2],
        ]
        document["hall"] = hall
        let path = directory.path("services.json")
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// NOW1234 starts in 10 minutes (in its window), SCAN5678 too, LATER999 tomorrow at 09:00.
    static func prepare(_ database: String) throws {
        let now = Date()
        let today = calendar.day(of: now)
        let minutes = Int(now.timeIntervalSince(calendar.instant(day: today, at: ClockTime(minutes: 0))) / 60)
        let soon = ClockTime(minutes: min(minutes + 10, 23 * 60 + 59))
        let tomorrow = WorkingDays.text(WorkingDays.date(today)! + 86_400)
        let storage = try Storage(path: database)
        try storage.transaction { transaction in
            for (code, day, start) in [
                ("NOW1234", today, soon), ("SCAN5678", today, soon),
                ("LATER999", tomorrow, ClockTime(hour: 9, minute: 0)),
            ] {
                try transaction.upsert(
                    Booking(
                        code: code, serviceId: "T-HY-001", slot: Slot(day: day, start: start, letter: "A"),
                        phoneKey: "key-\(code)", bookedAt: now - 86_400),
                    phoneSealed: Data([1]))
            }
        }
    }

    @Test("a typed code and a scanned link each give an appointment ticket; too early says when; a wrong code says so")
    func checkIn() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hall = try HallUnderTest(catalogue: try Self.catalogue(in: directory), prepare: Self.prepare)
        defer { hall.stop() }
        let kiosk = try hall.applicant()
        #expect(await kiosk.waitFor("6  预约签到"), "\(kiosk.screen)")
        kiosk.type("6")
        #expect(await kiosk.waitFor("请将预约二维码对准扫码器"), "\(kiosk.screen)")
        kiosk.type("now1234\r")
        #expect(await kiosk.waitFor("签到成功，预约号优先叫号"), "\(kiosk.screen)")
        #expect(await kiosk.waitFor("您的号码"), "\(kiosk.screen)")
        #expect(kiosk.screen.contains("预约号"), "\(kiosk.screen)")
        #expect(await kiosk.waitFor("小票已打印"), "\(kiosk.screen)")

        kiosk.type("\r")
        #expect(await kiosk.waitFor("6  预约签到"), "\(kiosk.screen)")
        kiosk.type("6")
        #expect(await kiosk.waitFor("请将预约二维码对准扫码器"), "\(kiosk.screen)")
        // A scanner types the QR code's text, a link, and ends with Enter.
        kiosk.type("https://hall.example.cn/book/SCAN5678?from=singlemessage\r")
        #expect(await kiosk.waitFor("签到成功"), "\(kiosk.screen)")
        #expect(await kiosk.waitFor("C20"), "\(kiosk.screen)")

        kiosk.type("\r6")
        #expect(await kiosk.waitFor("请将预约二维码对准扫码器"), "\(kiosk.screen)")
        kiosk.type("LATER999\r")
        #expect(await kiosk.waitFor("还未到签到时间"), "\(kiosk.screen)")
        #expect(await kiosk.waitFor("08:30 后再来签到"), "\(kiosk.screen)")

        kiosk.type("\r6")
        #expect(await kiosk.waitFor("请将预约二维码对准扫码器"), "\(kiosk.screen)")
        kiosk.type("NOPE0000\r")
        #expect(await kiosk.waitFor("未找到此预约码"), "\(kiosk.screen)")
        kiosk.type("ab\r")
        #expect(await kiosk.waitFor("预约码不正确"), "\(kiosk.screen)")

        // Both check-ins are appointment tickets, A001 and A002, waiting.
        let tickets = try hall.get("/api/v1/queue")
        #expect(
            (tickets["queues"] as? [[String: Any]])?.first { $0["prefix"] as? String == "A" }?["waiting"] as? Int == 2)
        #expect(kiosk.stop() == 0)
    }
}
