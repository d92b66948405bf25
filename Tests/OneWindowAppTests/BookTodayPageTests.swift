import Foundation
import OneWindowTesting
import Testing

/// 今日排队 on `/book`, walked as a phone's browser would, without script: the offer on step 2,
/// the number and code forms with `today=1`, the ticket with its check-in code; refusals on the
/// same step; no offer once the hall is closed.
@Suite("今日排队 on the booking pages", .timeLimit(.minutes(2)))
struct BookTodayPageTests {
    func form(_ hall: BookingHall, _ path: String, _ body: String, headers: [String: String] = BookPageTests.sameSite)
        throws -> TestResponse
    {
        try hall.app.client.send("POST", path, headers: headers, body: Data(body.utf8))
    }

    @Test("offer, number, code, the ticket with its check-in code and page; a second that day refused on the step")
    func steps() throws {
        let receiver = try PushReceiver()
        defer { receiver.stop() }
        let hall = try BookingHall(notifyPort: receiver.port) { $0.closingTime = (17, 30) }
        defer { hall.stop() }
        let slots = try hall.app.client.get("/book?service=T-HY-001")
        #expect(slots.text.contains("今日排队（线上取号）") && slots.text.contains("/book?service=T-HY-001&amp;today=1"))
        let phone = try hall.app.client.get("/book?service=T-HY-001&today=1")
        #expect(phone.status == 200 && phone.text.contains(#"name="today" value="1""#), "\(phone.text)")
        let fields = "service=T-HY-001&today=1"
        let badNumber = try form(hall, "/book/code", fields + "&phone=123")
        #expect(badNumber.status == 422 && badNumber.text.contains("今日排队：输入手机号"))
        let codeForm = try form(hall, "/book/code", fields + "&phone=13800138000")
        #expect(codeForm.status == 200 && codeForm.text.contains("今日排队：输入验证码"), "\(codeForm.text)")
        let code = try #require(BookingHall.code(for: "13800138000", in: receiver))
        let taken = try form(hall, "/book/confirm", fields + "&phone=13800138000&code=\(code)")
        #expect(taken.status == 200 && taken.text.contains("取号成功"), "\(taken.text)")
        let stored = try #require(try hall.storage.loadQueue(day: "2026-11-27").remoteTickets.first)
        #expect(taken.text.contains(stored.checkInCode) && taken.text.contains("签到码 \(stored.checkInCode) 的二维码"))
        #expect(taken.text.contains("/t/\(stored.ticketId)") && !taken.text.contains("13800138000"))
        let page = try hall.app.client.get("/t/\(stored.ticketId)")
        #expect(page.text.contains("尚未签到") && page.text.contains(stored.checkInCode) && page.text.contains("<svg"))
        let before = receiver.deliveries.count
        _ = try form(hall, "/book/code", fields + "&phone=13800138000")
        let again = try #require(BookingHall.code(for: "13800138000", in: receiver, after: before))
        let second = try form(hall, "/book/confirm", fields + "&phone=13800138000&code=\(again)")
        #expect(second.status == 409 && second.text.contains("每个手机号每天限取一个"), "\(second.text)")
    }

    @Test("another site's form 403; after closing no offer, and a form then is refused saying why")
    func refusals() throws {
        let receiver = try PushReceiver()
        defer { receiver.stop() }
        let hall = try BookingHall(notifyPort: receiver.port) { $0.closingTime = (17, 30) }
        defer { hall.stop() }
        let crossSite = ["Sec-Fetch-Site": "cross-site", "Content-Type": "application/x-www-form-urlencoded"]
        let forged = try form(hall, "/book/code", "service=T-HY-001&today=1&phone=13800138000", headers: crossSite)
        #expect(forged.status == 403)
        hall.clock.advance(8 * 3600)  // 18:00
        let slots = try hall.app.client.get("/book?service=T-HY-001")
        #expect(slots.status == 200 && !slots.text.contains("今日排队（线上取号）"))
        _ = try form(hall, "/book/code", "service=T-HY-001&today=1&phone=13800138000")
        let code = try #require(BookingHall.code(for: "13800138000", in: receiver))
        let closed = try form(hall, "/book/confirm", "service=T-HY-001&today=1&phone=13800138000&code=\(code)")
        #expect(closed.status == 422 && closed.text.contains("大厅现在不办公"), "\(closed.text)")
    }
}
