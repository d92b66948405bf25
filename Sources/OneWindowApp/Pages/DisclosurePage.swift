import OneWindowCore

/// `/disclosure` (政务公开): the hall's results this month and this year, per service, and its
/// 证明事项清单. Figures only, never a person; 样本不足 where a month has too few cases.
public enum DisclosurePage {
    public static func render(_ disclosure: Disclosure, hall: Hall, mode: PageMode = .standard) -> String {
        let month = disclosure.months.first ?? disclosure.yearToDate
        let main = Markup.group {
            // Whole phrases and dates on a line: at 320 px the title broke inside 好差评 and the
            // month's heading inside its last date.
            Markup.h1 {
                "政务公开："
                Markup.span(.class("nowrap")) { "办件结果与好差评" }
            }
            Markup.p(.class("meta")) { introduction(disclosure) }
            period("本月", month)
            period("本年累计", disclosure.yearToDate)
            earlierMonths(disclosure.months, heading: "往月", note: "各月逐项数据见 /api/v1/disclosure（JSON）。")
            certificates(disclosure.certificates)
            definitions()
        }
        let page = PageLayout.Page(
            title: "政务公开", description: "本大厅各事项的取号、办结、等候时间和好差评结果，以及证明事项清单。", path: "/disclosure",
            mode: mode)
        return PageLayout.render(hall: hall, page: page, main: main)
    }

    private static func introduction(_ disclosure: Disclosure) -> String {
        let source = "数据来自本大厅的取号和办件记录，统计至 \(disclosure.today)，只有件数和比例，不含任何个人信息。"
        let rates = "某事项在一个统计期内首次到场不足 \(disclosure.minimumCases) 件的，比例显示“样本不足”；"
        let waits = "叫号不足 \(disclosure.minimumWaits) 人次的，等候时间中位数也显示“样本不足”。"
        return source + rates + waits
    }

    private static func period(_ name: String, _ period: Disclosure.Period) -> Markup {
        let active = period.services.filter { $0.figures.tickets + $0.figures.cases > 0 }
        return Markup.section {
            periodHeading(name, period)
            Markup.h3 { "全大厅" }
            figures(period.hall)
            for service in active {
                Markup.h3 { service.serviceName }
                figures(service.figures)
            }
            let quiet = period.services.count - active.count
            if quiet > 0 { Markup.p(.class("meta")) { "另有 \(quiet) 个事项在此期间没有取号和办件。" } }
        }
    }

    static func figures(_ f: Disclosure.Figures) -> Markup {
        let ratings = (1...5).map { "\(levels[$0 - 1]) \(f.ratings["\($0)"] ?? 0)" }.joined(separator: "，")
        return GuidePage.facts([
            ("取号", "\(f.tickets) 张"),
            ("首次到场", "\(f.cases) 件"),
            ("首次办结率", rate(f.firstVisitResolutionRate, f)),
            ("一次办结率", rate(f.oneVisitRate, f)),
            ("等候时间中位数", medianWait(f)),
            ("好差评", ratings),
            (
                "差评按期整改",
                f.badReviewsDue == 0 ? "无到期差评" : "\(rate(f.badRectifiedInTimeShare, f))（到期 \(f.badReviewsDue) 件）"
            ),
        ])
    }

    private static let levels = ["非常不满意", "不满意", "基本满意", "满意", "非常满意"]

    static func rate(_ share: Double?, _ f: Disclosure.Figures) -> String {
        if f.insufficientSample { return "样本不足" }
        return share.map { MetricsTable.percent($0) } ?? "无"
    }

    /// 样本不足 with the count when too few tickets were called for a median to mean anything.
    private static func medianWait(_ f: Disclosure.Figures) -> String {
        if f.waitCount == 0 { return "无" }
        guard let median = f.medianWaitSeconds else { return "样本不足（叫号 \(f.waitCount) 人次）" }
        return "\(minutes(median))（叫号 \(f.waitCount) 人次）"
    }

    private static func minutes(_ seconds: Int) -> String {
        seconds < 60 ? "不到 1 分钟" : "\(seconds / 60) 分钟"
    }

    private static func certificates(_ list: [Disclosure.Certificate]) -> Markup {
        Markup.section {
            Markup.h2 { "证明事项清单" }
            Markup.p { "办理下列事项时，需要申请人提交由其他部门出具的证明：" }
            if list.isEmpty { Markup.p { "无。" } }
            for entry in list {
                Markup.h3 { entry.material }
                GuidePage.facts([
                    ("用于事项", entry.serviceName), ("出具部门", entry.issuer),
                    ("设定依据", entry.legalBasis.joined(separator: "；")),
                ])
            }
        }
    }

    /// The months before this one, a line each (the hall's and the city's pages); nothing when
    /// this is the year's first month.
    @MarkupBuilder
    static func earlierMonths(_ months: [Disclosure.Period], heading: String, note: String) -> Markup {
        if months.count > 1 {
            Markup.section {
                Markup.h2 { heading }
                Markup.ul {
                    for earlier in months.dropFirst() {
                        Markup.li {
                            "\(earlier.period)：取号 \(earlier.hall.tickets)，首次到场 \(earlier.hall.cases) 件，首次办结率 \(rate(earlier.hall.firstVisitResolutionRate, earlier.hall))"
                        }
                    }
                }
                Markup.p(.class("meta")) { note }
            }
        }
    }

    /// A period's heading, its dates kept whole on a line (at 320 px the heading broke inside
    /// its last date).
    static func periodHeading(_ name: String, _ period: Disclosure.Period) -> Markup {
        Markup.h2 {
            "\(name)（"
            Markup.span(.class("nowrap")) { period.from }
            " 至 "
            Markup.span(.class("nowrap")) { period.to }
            "）"
        }
    }

    static func definitions() -> Markup {
        Markup.section {
            Markup.h2 { "指标说明" }
            Markup.ul {
                Markup.li { "首次办结率：首次到场即办结的件数 ÷ 首次到场件数。" }
                Markup.li { "一次办结率：首次到场即办结的件数 ÷（首次到场件数 − 撤销件数）；需再次到场的，无论是否已办结，都不计为一次办结。" }
                Markup.li { "等候时间：从取号到第一次叫号。" }
                Markup.li { "差评按期整改：统计期内的差评（1、2 分）中，已到整改期限或已整改的，在 15 个工作日内整改完毕的比例。" }
            }
        }
    }
}
