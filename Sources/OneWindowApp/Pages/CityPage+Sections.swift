import OneWindowCore

extension CityPage {
    /// Materials listed at most, most often missing first.
    static let materialRows = 15
    /// Overdue bad reviews listed per hall at most, the longest overdue first.
    package static let overdueRows = 20

    /// Each hall's figures in a row, and the city's sum (a correct merge, not an average).
    static func hallsSection(_ board: CityBoard) -> Markup {
        let columns = ["大厅", "取号", "一次办结率", "首次办结率", "等候中位数", "满意率", "差评未整改（超期）"]
        return ManagePage.section("halls", "各大厅对比") {
            let caption =
                "\(board.from) 至 \(board.to)。一次办结率按首次到场的办件计（撤销的不计，仍在办的计为未一次办结）；满意率为好差评中“满意”和“非常满意”的比例。"
            // The city's sum first: with 200 halls it was 17,000 px down on a phone.
            table(label: "各大厅数据表", note: caption, columns: columns) {
                hallRow("全市合计", board.city.metrics, id: nil)
                for hall in board.halls { hallRow(hall.name, hall.report.metrics, id: hall.hallId) }
            }
        }
    }

    private static func hallRow(_ name: String, _ m: HallMetrics, id: String?) -> Markup {
        .element("tr", id.map { [Attribute("data-hall", $0)] } ?? [.class("total")]) {
            Markup.th(Attribute("scope", "row")) { name }
            Markup.td { "\(m.ticketsIssued)" }
            Markup.td { ManagePage.oneVisit(m.cohort) }
            Markup.td { ManagePage.percent(m.firstVisitResolutionRate) }
            Markup.td { ManagePage.medianWait(m.waitSeconds) }
            Markup.td { ManagePage.percent(m.satisfaction.satisfiedShare) }
            Markup.td { "\(m.satisfaction.badOpen)（\(m.satisfaction.badOverdue)）" }
        }
    }

    /// Services by first-visit resolution across all halls, lowest first; those with fewer
    /// first visits than the disclosure's `minimumCases` last, as 样本不足.
    static func servicesSection(_ board: CityBoard) -> Markup {
        let visited = board.city.services.filter { $0.metrics.firstVisits > 0 }
        let enough = visited.filter { $0.metrics.firstVisits >= Disclosure.minimumCases }
            .sorted { ($0.metrics.firstVisitResolutionRate ?? 2) < ($1.metrics.firstVisitResolutionRate ?? 2) }
        let few = visited.filter { $0.metrics.firstVisits < Disclosure.minimumCases }
        let columns = ["事项", "首次办结率", "首次到场件数", "有办件的大厅"]
        return ManagePage.section("services", "各事项首次办结率（全市，从低到高）") {
            if visited.isEmpty {
                Markup.p { "\(board.from) 至 \(board.to) 没有首次到场的办件。" }
            } else {
                let caption =
                    "首次办结率：首次到场即办结的件数 ÷ 首次到场件数，各大厅合计。首次到场不足 \(Disclosure.minimumCases) 件的事项排在最后，显示“样本不足”。"
                table(label: "各事项首次办结率", note: caption, columns: columns) {
                    for service in enough + few {
                        let m = service.metrics
                        Markup.element("tr", [Attribute("data-service", service.serviceId)]) {
                            Markup.th(Attribute("scope", "row")) { service.serviceName ?? service.serviceId }
                            Markup.td {
                                m.firstVisits < Disclosure.minimumCases
                                    ? "样本不足" : ManagePage.percent(m.firstVisitResolutionRate)
                            }
                            Markup.td { "\(m.firstVisits)" }
                            Markup.td { "\(hallsWith(service.serviceId, board))" }
                        }
                    }
                }
            }
        }
    }

    private static func hallsWith(_ serviceId: String, _ board: CityBoard) -> Int {
        board.halls.filter { hall in
            hall.report.services.contains { $0.serviceId == serviceId && $0.metrics.firstVisits > 0 }
        }.count
    }

    /// The materials applicants lacked most often, all halls together, each linked to its guide.
    static func materialsSection(_ board: CityBoard) -> Markup {
        let missed = board.city.services.flatMap { service in
            service.mostMissedMaterials.map { (service: service, material: $0) }
        }.sorted { $0.material.count > $1.material.count }.prefix(materialRows)
        return ManagePage.section("materials", "全市缺件最多的材料") {
            if missed.isEmpty {
                Markup.p { "\(board.from) 至 \(board.to) 没有因缺件需要补正的办件。" }
            } else {
                Markup.p { "各大厅申请人最常缺少的材料：检查这些办事指南是否写得清楚。" }
                Markup.element("ol", [.class("missed")]) {
                    for entry in missed {
                        Markup.li {
                            if let link = board.guideLink(entry.service.serviceId) {
                                Markup.a(href: link) { entry.material.name }
                            } else {
                                entry.material.name
                            }
                            " "
                            Markup.span(.class("meta")) {
                                "\(entry.service.serviceName ?? entry.service.serviceId) · \(entry.material.count) 次"
                            }
                        }
                    }
                }
            }
        }
    }

    /// Per hall, the bad reviews of the range past their deadline and not rectified: how many
    /// (the report's `badOverdue`), and the first `overdueRows` of them (`CityBoard.overdue`).
    /// The halls with most first, each list folded (`details`): 200 halls' lists, open, made the
    /// page tens of thousands of pixels long on a phone.
    static func overdueSection(_ board: CityBoard) -> Markup {
        let counted = board.halls.map { hall in
            let reviews = board.overdue.filter { $0.hallId == hall.hallId }
            return (
                hall: hall, reviews: reviews, count: max(hall.report.metrics.satisfaction.badOverdue, reviews.count)
            )
        }.filter { $0.count > 0 }.sorted { $0.count > $1.count }
        return ManagePage.section("overdue", "超期未整改的差评") {
            Markup.p(.class("meta")) {
                "\(board.from) 至 \(board.to) 的差评（1、2 分）中，已过整改期限（15 个工作日）仍未整改的。只有事项和日期，不含评价内容和个人信息；整改由各大厅在大厅管理页处理。"
            }
            if board.overdue.isEmpty { Markup.p { "没有超期未整改的差评。" } }
            for (hall, reviews, count) in counted {
                Markup.element("details", [.class("hall")]) {
                    Markup.element("summary") { "\(hall.name)：\(count) 件" }
                    Markup.ul {
                        for review in reviews.sorted(by: { $0.due < $1.due }).prefix(overdueRows) {
                            Markup.li(.class("overdue")) {
                                "\(board.serviceName(review.serviceId)) · 评价日 \(review.hallDay) · 整改期限 \(review.due)"
                            }
                        }
                    }
                    if count > min(reviews.count, overdueRows) {
                        Markup.p(.class("meta")) {
                            "另有 \(count - min(reviews.count, overdueRows)) 件，见该大厅的大厅管理页。"
                        }
                    }
                }
            }
        }
    }

    /// A table in a frame that scrolls sideways on a phone (focusable, named), as `/manage`'s,
    /// with its definitions above the frame: a caption scrolls with the table and was cut off at
    /// 360 px (seen in Chromium), so the caption is only the table's name.
    static func table(label: String, note: String, columns: [String], @MarkupBuilder _ rows: () -> Markup)
        -> Markup
    {
        let region = [
            .class("table-wrap"), Attribute("tabindex", "0"), Attribute("role", "region"),
            Attribute("aria-label", label),
        ]
        return .group {
            Markup.p(.class("meta")) { note }
            Markup.element("div", region) {
                Markup.element("table") {
                    Markup.element("caption") { label }
                    Markup.element("thead") {
                        Markup.element("tr") {
                            for column in columns { Markup.th(Attribute("scope", "col")) { column } }
                        }
                    }
                    Markup.element("tbody") { rows() }
                }
            }
        }
    }
}
