import Foundation
import Testing

@testable import OneWindowKiosk

/// Appointment tickets are marked where people look for them: the clerk's current ticket, and
/// the applicant's ticket screen after a check-in.
@Suite("Appointment marks", .timeLimit(.minutes(2)))
struct AppointmentMarkTests {
    @Test("the clerk console marks an appointment ticket 预约（约）, and a walk-in not")
    func clerk() {
        var console = ClerkConsoleTests().console()
        var ticket = KioskSamples.ticket
        ticket.status = "called"
        ticket.callCount = 1
        ticket.channel = "appointment"
        _ = console.receive(.ticket(.success(ticket)), now: KioskSamples.now)
        let text = console.frame(width: 80, height: 24, now: KioskSamples.now).text
        #expect(text.contains("当前号码  A012  内地居民结婚登记  预约（约）  已呼叫 1 次"), "\(text)")
        ticket.channel = "walk_in"
        _ = console.receive(.ticket(.success(ticket)), now: KioskSamples.now)
        #expect(!console.frame(width: 80, height: 24, now: KioskSamples.now).text.contains("预约"))
    }

    @Test("a booking code is found in what a scanner types: the code, or a link ending with it")
    func bookingCodes() {
        #expect(BookingCode.normalize("k7q2m9") == "K7Q2M9")
        #expect(BookingCode.normalize("https://hall.example.cn/book/K7Q2M9?from=singlemessage") == "K7Q2M9")
        #expect(BookingCode.normalize("https://hall.example.cn/book/K7Q2M9/#top") == "K7Q2M9")
        #expect(BookingCode.normalize("abc") == nil)
        #expect(BookingCode.normalize("K7Q-2M9") == nil)
        #expect(BookingCode.normalize("https://hall.example.cn/") == nil)
        #expect(BookingCode.comeBack(in: "还未到签到时间，请于 08:30 后再来签到 (check-in opens at 08:30)")! == (nil, "08:30"))
        #expect(
            BookingCode.comeBack(in: "预约日期是 2026-12-14，请当天 08:30 后再来签到")! == ("2026-12-14", "08:30"))
    }

    @Test("a late check-in's ticket screen says it is an ordinary ticket now")
    func lateCheckIn() {
        var kiosk = ApplicantKiosk()
        _ = kiosk.receive(.catalogue(KioskSamples.hall, KioskSamples.services), now: KioskSamples.now)
        _ = kiosk.handle(.text("6"), now: KioskSamples.now)
        for character in "K7Q2M9" { _ = kiosk.handle(.text(character), now: KioskSamples.now) }
        #expect(kiosk.handle(.enter, now: KioskSamples.now) == [.checkIn(code: "K7Q2M9")])
        var ticket = KioskSamples.ticket
        ticket.channel = "walk_in"
        let info = CheckInInfo(
            ticket: ticket, booking: .init(code: "K7Q2M9", day: "2026-11-29", start: "09:00"), arrival: "late")
        let effects = kiosk.receive(.checkedIn(code: "K7Q2M9", .success(info)), now: KioskSamples.now)
        #expect(effects == [.print(ticket, guide: nil)])
        let text = kiosk.frame(width: 80, height: 24, now: KioskSamples.now).text
        #expect(text.contains("已过签到时间（预约 09:00），已为您按现场取号排队"), "\(text)")
        #expect(!text.contains("预约号"))
    }

    @Test("the clerk console marks a remote ticket 线上取号（线）")
    func clerkRemote() {
        var console = ClerkConsoleTests().console()
        var ticket = KioskSamples.ticket
        ticket.status = "called"
        ticket.callCount = 1
        ticket.channel = "remote"
        _ = console.receive(.ticket(.success(ticket)), now: KioskSamples.now)
        let text = console.frame(width: 80, height: 24, now: KioskSamples.now).text
        #expect(text.contains("线上取号（线）") && !text.contains("预约（约）"), "\(text)")
    }

    @Test("a remote ticket's check-in code checks it in: the screen says it is called in its place")
    func remoteCheckIn() {
        var kiosk = ApplicantKiosk()
        _ = kiosk.receive(.catalogue(KioskSamples.hall, KioskSamples.services), now: KioskSamples.now)
        _ = kiosk.handle(.text("6"), now: KioskSamples.now)
        for character in "9yfsgzvw" { _ = kiosk.handle(.text(character), now: KioskSamples.now) }
        #expect(kiosk.handle(.enter, now: KioskSamples.now) == [.checkIn(code: "9YFSGZVW")])
        var ticket = KioskSamples.ticket
        ticket.channel = "remote"
        let info = CheckInInfo(ticket: ticket, booking: nil, arrival: "remote")
        let effects = kiosk.receive(.checkedIn(code: "9YFSGZVW", .success(info)), now: KioskSamples.now)
        #expect(effects == [.print(ticket, guide: nil)])
        let text = kiosk.frame(width: 80, height: 24, now: KioskSamples.now).text
        #expect(text.contains("签到成功，线上取号将按原顺序叫号") && text.contains("线上取号"), "\(text)")
        #expect(!text.contains("预约号"))
    }
}
