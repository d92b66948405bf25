import Foundation
import OneWindowTesting
import Testing

/// `/book` walked as a phone's browser would, without script: five steps, the number never in
/// a URL, refusals on the same step, the booking code with a QR code.
@Suite("The booking pages", .timeLimit(.minutes(2)))
struct BookPageTests {
    static let sameSite = ["Sec-Fetch-Site": "same-origin", "Content-Type": "application/x-www-form-urlencoded"]

    func form(_ hall: BookingHall, _ path: String, _ body: String, headers: [String: String] = sameSite) throws
        -> TestResponse
    {
        try hall.app.client.send("POST", path, headers: headers, body: Data(body.utf8))
    }

    @Test("service, slot, number, code, booking code with its QR code")
    func fiveSteps() throws {
        let receiver = try PushReceiver()
        defer { receiver.stop() }
        let hall = try BookingHall(notifyPort: receiver.port)
        defer { hall.stop() }
        let services = try hall.app.client.get("/book")
        #expect(services.status == 200 && services.text.contains("/book?service=T-HY-001"))
        #expect(!services.text.contains("T-JZ-001"), "not received at the hall: not bookable")
        #expect(!services.text.contains("<script"))
        let slots = try hall.app.client.get("/book?service=T-HY-001")
        #expect(slots.status == 200 && slots.text.contains("申请材料"))
        #expect(slots.text.contains("/book?service=T-HY-001&amp;day=2026-11-30&amp;start=09%3A00"))
        #expect(slots.text.contains("2026-12-04") && !slots.text.contains("2026-12-07"), "the 7 days ahead")
        #expect(!slots.text.contains("2026-12-01"), "a holiday has no slots")
        let phone = try hall.app.client.get("/book?service=T-HY-001&day=2026-11-30&start=09:00")
        #expect(phone.status == 200 && phone.text.contains(#"action="/book/code""#))
        let fields = "service=T-HY-001&day=2026-11-30&start=09%3A00"
        let codeForm = try form(hall, "/book/code", fields + "&phone=138+0013+8000")
        #expect(codeForm.status == 200, "\(codeForm.text)")
        #expect(codeForm.text.contains("138****8000") && codeForm.text.contains(#"action="/book/confirm""#))
        let code = try #require(BookingHall.code(for: "13800138000", in: receiver))
        let wrong = code == "000000" ? "000001" : "000000"
        let refused = try form(hall, "/book/confirm", fields + "&phone=13800138000&code=\(wrong)")
        #expect(refused.status == 403 && refused.text.contains("验证码错误"))
        let booked = try form(hall, "/book/confirm", fields + "&phone=13800138000&code=\(code)")
        #expect(booked.status == 200, "\(booked.text)")
        let stored = try #require(try hall.storage.bookings(fromDay: "2026-11-30").first)
        #expect(booked.text.contains("预约成功") && booked.text.contains(stored.code))
        #expect(booked.text.contains("<svg") && booked.text.contains("预约码 \(stored.code) 的二维码"))
        #expect(!booked.text.contains("13800138000"), "only the masked number on the page")
    }

    @Test("another site's form 403, a bad number 422 on the same step, an unbookable service 422")
    func hostile() throws {
        let hall = try BookingHall(notifyPort: nil)
        defer { hall.stop() }
        let fields = "service=T-HY-001&day=2026-11-30&start=09%3A00"
        let crossSite = ["Sec-Fetch-Site": "cross-site", "Content-Type": "application/x-www-form-urlencoded"]
        #expect(try form(hall, "/book/code", fields + "&phone=13800138000", headers: crossSite).status == 403)
        let bad = try form(hall, "/book/code", fields + "&phone=12345")
        #expect(bad.status == 422 && bad.text.contains("11 位手机号") && bad.text.contains(#"action="/book/code""#))
        #expect(try hall.app.client.get("/book?service=T-JZ-001").status == 422)
        #expect(try hall.app.client.get("/book?service=T-HY-001&day=2026-2-30&start=09:00").status == 400)
        #expect(
            try form(hall, "/book/confirm", "service=NOPE&day=2026-11-30&start=09%3A00&phone=1&code=1").status == 422)
        let xss = try hall.app.client.get("/book?service=%3Cscript%3E")
        #expect(!xss.text.contains("<script>"))
    }
}
