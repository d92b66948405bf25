import OneWindowCore

/// The city's `/disclosure` (政务公开): the figures the hall's own disclosure publishes, for the
/// whole city and for each hall, with the same definitions and the same 样本不足 rule. Public,
/// figures only, never a person; in the city pages' frame, as the city has no guide pages.
package enum CityDisclosurePage {
    /// - Parameter halls: each hall's name and periods (year to date, this year's months newest first).
    package static func render(
        city: Disclosure, halls: [(name: String, yearToDate: Disclosure.Period, months: [Disclosure.Period])]
    ) -> String {
        let main = Markup.group {
            Markup.h1 {
                "政务公开："
                Markup.span(.class("nowrap")) { "全市办件结果与好差评" }
            }
            Markup.p(.class("meta")) { introduction(city, halls: halls.count) }
            if let month = city.months.first {
                period("本月", month, halls: halls.map { ($0.name, $0.months.first) })
            }
            period("本年累计", city.yearToDate, halls: halls.map { ($0.name, $0.yearToDate) })
            DisclosurePage.earlierMonths(
                city.months, heading: "往月（全市）", note: "各大厅、各月逐项数据见 /api/v1/city/disclosure（JSON）。")
            DisclosurePage.definitions()
        }
        return ManagePage.layout(
            site: "全市", home: "/disclosure", role: "政务公开", signOut: "/disclosure", title: "政务公开", main: main,
            signedIn: false, indexed: true)
    }

    private static func introduction(_ city: Disclosure, halls: Int) -> String {
        let source = "数据来自全市 \(halls) 个大厅的取号和办件记录，统计至 \(city.today)，只有件数和比例，不含任何个人信息。"
        let rates = "某一范围在一个统计期内首次到场不足 \(city.minimumCases) 件的，比例显示“样本不足”；"
        let waits = "叫号不足 \(city.minimumWaits) 人次的，等候时间中位数也显示“样本不足”。"
        return source + rates + waits
    }

    private static func period(
        _ name: String, _ period: Disclosure.Period, halls: [(String, Disclosure.Period?)]
    ) -> Markup {
        let active = period.services.filter { $0.figures.tickets + $0.figures.cases > 0 }
        return Markup.section {
            DisclosurePage.periodHeading(name, period)
            Markup.h3 { "全市" }
            DisclosurePage.figures(period.hall)
            // Folded: 200 halls' figures, open, made the page 120,000 px long on a phone.
            let shown = halls.compactMap { name, hallPeriod in hallPeriod.map { (name, $0) } }
            if !shown.isEmpty {
                Markup.element("details", [.class("halls")]) {
                    Markup.element("summary") { "各大厅（\(shown.count) 个）" }
                    for (hallName, hallPeriod) in shown {
                        Markup.h3 { hallName }
                        DisclosurePage.figures(hallPeriod.hall)
                    }
                }
            }
            if !active.isEmpty {
                Markup.h3 { "各事项（全市合计）" }
                for service in active {
                    Markup.element("h4") { service.serviceName }
                    DisclosurePage.figures(service.figures)
                }
            }
        }
    }
}
