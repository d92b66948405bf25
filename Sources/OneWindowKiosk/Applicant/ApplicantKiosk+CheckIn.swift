import Foundation

/// 预约签到: the applicant types the booking code, or scans its QR code with the kiosk's
/// scanner, which types like a keyboard and ends with Enter. A remote ticket's check-in code
/// (shown on its `/t/{id}` page) is typed or scanned the same way. In time or late, the answer is a
/// ticket, printed as any other; too early, the screen says when to come back.
extension ApplicantKiosk {
    /// Longest text kept while typing: a scanned link is longer than the code it ends with.
    static let bookingEntryLimit = 200

    mutating func bookingEntry(_ input: InputEvent, _ typed: String) -> [ApplicantEffect] {
        switch input {
        case .text(let character) where character.isASCII && !character.isWhitespace:
            if typed.count < Self.bookingEntryLimit { screen = .bookingEntry(typed + String(character)) }
        case .backspace where !typed.isEmpty:
            screen = .bookingEntry(String(typed.dropLast()))
        case .enter:
            guard let code = BookingCode.normalize(typed) else {
                notice = .init(
                    language.pick(
                        "预约码不正确，请核对短信中的预约码，或扫描预约二维码",
                        "That is not a booking code: check the code in your message, or scan its QR code"),
                    kind: .problem)
                screen = .bookingEntry("")
                return []
            }
            show(.checkingIn(code))
            return [.checkIn(code: code)]
        case .escape, .backspace:
            return goHome()
        default: break
        }
        return []
    }

    mutating func checkedIn(_ code: String, _ result: Result<CheckInInfo, DaemonError>) -> [ApplicantEffect] {
        guard screen == .checkingIn(code) else { return [] }
        let l = language
        switch result {
        case .success(let info):
            let start = info.booking?.start ?? ""
            checkInNote =
                switch info.arrival {
                case "late":
                    l.pick(
                        "已过签到时间（预约 \(start)），已为您按现场取号排队",
                        "Too late for your \(start) booking: you have an ordinary ticket")
                case "remote":
                    l.pick("签到成功，线上取号将按原顺序叫号", "Checked in: your remote ticket is called in its place")
                default: l.pick("签到成功，预约号优先叫号", "Checked in: appointments are called first")
                }
            show(.ticket(info.ticket, guide: nil, printNotice: l.pick("正在打印小票…", "Printing…")))
            return [.print(info.ticket, guide: nil)]
        case .failure(.rejected(_, "check_in_too_early", let message)):
            if let back = BookingCode.comeBack(in: message) {
                show(.checkInEarly(day: back.day, time: back.time))
            } else {
                show(.bookingEntry(""))
                notice = .init(message, kind: .problem)
            }
        case .failure(let error):
            show(.bookingEntry(""))
            notice = checkInProblem(error)
        }
        return []
    }

    /// A refused check-in, in the applicant's words.
    func checkInProblem(_ error: DaemonError) -> ScreenChrome.Notice {
        let l = language
        let text: String
        switch error.code {
        case "booking_not_found":
            text = l.pick("未找到此预约码，请核对后重新输入", "No booking with this code; please check it")
        case "booking_not_live":
            text = l.pick("此预约已取消，请现场取号", "This booking was cancelled; please take a ticket")
        case "booking_day_passed":
            text = l.pick("此预约的日期已过，请现场取号", "The day of this booking has passed; please take a ticket")
        default:
            return error.isTransient ? offline : problem(error)
        }
        return .init(text, kind: .problem)
    }

    func renderCheckIn(_ chrome: inout ScreenChrome, into buffer: inout ScreenBuffer) {
        let l = language
        switch screen {
        case .bookingEntry(let typed):
            chrome.heading = l.pick("预约签到", "Check in with a booking")
            let rows = chrome.draw(into: &buffer)
            buffer.write(
                l.pick("请将预约二维码对准扫码器，或输入预约码后按回车", "Scan your booking's QR code, or type its code and press Enter"),
                row: rows.lowerBound, column: 4)
            buffer.write(
                l.pick("预约码在预约成功的短信和页面上", "The code is in your booking message and page"),
                row: rows.lowerBound + 1, column: 4, style: .dim)
            let shown = typed.isEmpty ? "______" : String(typed.suffix(max(8, buffer.width - 12)))
            buffer.write(shown, row: rows.lowerBound + 3, column: 6, style: TextStyle(bold: true, reverse: true))
        case .checkingIn(let code):
            chrome.heading = l.pick("正在签到，请稍候…", "Checking in, please wait…")
            let rows = chrome.draw(into: &buffer)
            buffer.write(l.pick("预约码：", "Booking code: ") + code, row: rows.lowerBound, column: 4)
        case .checkInEarly(let day, let time):
            chrome.heading = l.pick("还未到签到时间", "Too early to check in")
            let rows = chrome.draw(into: &buffer)
            let when = day.map { "\($0) \(time)" } ?? time
            buffer.center(
                l.pick("请于 \(when) 后再来签到", "Please come back to check in from \(when)"), row: rows.lowerBound + 2,
                style: TextStyle(bold: true, color: .yellow))
            buffer.center(
                l.pick("签到在预约时段开始前开放，过时按现场取号排队", "Check-in opens shortly before your booked time"),
                row: rows.lowerBound + 4, style: .dim)
        default: break
        }
    }
}
