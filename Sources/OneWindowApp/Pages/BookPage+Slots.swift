import Foundation
import OneWindowCore

extension BookPage {
    /// Step 2: the service's materials checklist and 常见缺件提醒 first (coming with every paper
    /// is what makes one visit enough), then 今日排队 when a ticket taken now would be called
    /// before closing, then the days and their free slots as links.
    static func slots(
        hall: Hall, service: ServiceItem, missing: CommonlyMissing?, today: TodayOffer? = nil,
        entries: [SlotList.Entry], now: Date,
        opens: (String) -> Date, mode: PageMode
    ) -> String {
        let byDay = Dictionary(grouping: entries, by: \.day)
        let days = byDay.keys.sorted()
        return render(hall: hall, title: "预约 \(service.name)", path: "/book", mode: mode) {
            Markup.h1 { "预约：\(service.name)" }
            Markup.p { "第 2 步：请先核对申请材料，再选择日期和时段。" }
            GuidePage.materials(service.materials, missing: missing) ?? .empty
            todayOffer(service, today)
            Markup.h2 { "选择时段" }
            if days.isEmpty {
                Markup.p(.class("empty")) { "近期没有可预约的时段，请稍后再来或到大厅现场取号。" }
            }
            for day in days {
                let entries = byDay[day] ?? []
                Markup.h3 { day }
                if now < opens(day) {
                    Markup.p(.class("meta")) { "\(wallClock(opens(day), hall)) 开放预约" }
                } else if entries.allSatisfy({ $0.left == 0 }) {
                    Markup.p(.class("meta")) { "已约满" }
                } else {
                    Markup.element("nav", [.class("actions"), Attribute("aria-label", "\(day) 的时段")]) {
                        Markup.ul {
                            for entry in entries where entry.left > 0 {
                                Markup.li {
                                    Markup.a(href: link(service, day, entry.start), .class("button")) {
                                        "\(entry.start) 余 \(entry.left)"
                                    }
                                }
                            }
                        }
                    }
                }
            }
            Markup.p(.class("back")) { Markup.a(href: "/book") { "‹ 重新选择事项" } }
        }
    }

    /// `2026-11-23 08:00` on the hall's clock.
    private static func wallClock(_ date: Date, _ hall: Hall) -> String {
        HallCalendar(timeZone: hall.timeZone).day(of: date) + " "
            + HallClock(timeZone: hall.timeZone, now: date).time(date)
    }

    private static func link(_ service: ServiceItem, _ day: String, _ start: ClockTime) -> SafeURL {
        SafeURL.path(
            "book",
            query: "service=\(HTML.urlComponent(service.id))&day=\(day)&start=\(HTML.urlComponent(start.description))")
    }
}
