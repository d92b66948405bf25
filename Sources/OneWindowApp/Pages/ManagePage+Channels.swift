import Foundation
import OneWindowCore

extension ManagePage {
    /// The three ways a ticket comes (现场 walk-in, 预约 appointment, 线上 remote), over the 30
    /// days: tickets and the median wait of each, and the bookings, which only the appointment
    /// channel has. The same report as the rest of the page, so it agrees with the API and CSV.
    static func channelsSection(_ board: ManageDashboard) -> Markup {
        let month = board.month
        let bookings = month.bookings
        let region = [
            .class("table-wrap"), Attribute("tabindex", "0"), Attribute("role", "region"),
            Attribute("aria-label", "各渠道数据表"),
        ]
        let columns = ["渠道", "取号", "等候中位数", "预约", "签到", "爽约率", "准时率", "号源使用率"]
        let rows: [(String, Ticket.Channel)] = [("现场", .walkIn), ("预约", .appointment), ("线上", .remote)]
        // The definitions go above the table, not in its caption: on a phone the table scrolls
        // sideways in its frame, and a caption scrolls with it, cut off.
        let note =
            "预约按预约时段的日期计：爽约率为签到时间已过仍未签到的预约所占比例，准时率为在预约时段开始前签到的比例，"
            + "号源使用率为预约数占放出号源的比例；现场和线上取号没有预约。" + (bookings == nil ? "本大厅未开放预约。" : "")
        return section("channels", "各渠道（近30天）") {
            Markup.p(.class("meta")) { note }
            Markup.element("div", region) {
                Markup.element("table") {
                    Markup.element("caption") { "\(month.from) 至 \(month.to)" }
                    Markup.element("thead") {
                        Markup.element("tr") {
                            for column in columns { Markup.th(Attribute("scope", "col")) { column } }
                        }
                    }
                    Markup.element("tbody") {
                        for (name, channel) in rows {
                            let figures = month.metrics.channels[channel.rawValue]
                            let booked = channel == .appointment ? bookings : nil
                            Markup.element("tr") {
                                Markup.th(Attribute("scope", "row")) { name }
                                Markup.td { "\(figures?.ticketsIssued ?? 0)" }
                                Markup.td { figures.map { medianWait($0.waitSeconds) } ?? "—" }
                                for cell in bookingCells(booked) { Markup.td { cell } }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Bookings, check-ins, the no-show rate, the punctual share and the places used; dashes
    /// for a channel without bookings. A rate of fewer than `Disclosure.minimumCases` says
    /// 样本不足 with its count, as the median wait does under `Disclosure.minimumWaits`.
    static func bookingCells(_ b: BookingFigures?) -> [String] {
        guard let b else { return Array(repeating: "—", count: 5) }
        let used = b.capacity == 0 ? "—" : "\(percent(b.capacityUsedShare))（\(b.bookings)/\(b.capacity)）"
        return [
            "\(b.bookings)", "\(b.checkedIn)", sampled(b.noShowRate, of: b.windowClosed),
            sampled(b.punctualShare, of: b.checkedIn), used,
        ]
    }

    static func sampled(_ share: Double?, of whole: Int) -> String {
        guard whole > 0 else { return "—" }
        guard whole >= Disclosure.minimumCases else { return "样本不足（\(whole) 个）" }
        return percent(share)
    }
}
