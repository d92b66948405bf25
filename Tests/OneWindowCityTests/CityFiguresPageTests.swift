import Foundation
import OneWindowApp
import OneWindowCity
import OneWindowCore
import OneWindowTesting
import Testing

/// `/city` and the city's disclosure show the figures the API gives, for a hall's scripted week.
@Suite("The city's pages show the API's figures", .serialized, .timeLimit(.minutes(3)))
struct CityFiguresPageTests {
    /// A hall's scripted week, sent to a new city as hall “xigang”, with a second, empty hall.
    /// - Parameter laterDays: how far the city's clock is ahead of the hall's.
    static func scriptedCity(laterDays: Double = 0) throws -> (ScriptedMonth, CityHarness) {
        let hall = try ScriptedMonth()
        try hall.play(days: 7, restartAfter: 3)
        try hall.settle()
        let catalogue = hall.app.application.state.catalogue.published
        let clock = hall.clock
        let city = try CityHarness(
            catalogue: catalogue, clock: { clock.read().addingTimeInterval(laterDays * 86_400) },
            guideBase: "https://hall.example")
        let token = try city.addHall("xigang")
        try city.addHall("zhongshan")
        try CityEqualityTests.send(hall, to: city, hallId: "xigang", token: token, batch: 50)
        return (hall, city)
    }

    /// The texts of the cells of the table row that starts with `marker`.
    static func cells(_ html: String, row marker: String) -> [String] {
        guard let start = html.range(of: marker), let end = html[start.upperBound...].range(of: "</tr>") else {
            return []
        }
        let row = html[start.upperBound..<end.lowerBound]
        return row.components(separatedBy: "<td>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    static func percent(_ value: Any?) -> String {
        (value as? Double).map { String(format: "%.1f%%", $0 * 100) } ?? "—"
    }

    /// The row `/city` should show for a hall's (or the city's) object of the API (the hall
    /// metrics' fields are at its top level, as in the hall's own `/api/v1/metrics`).
    static func expectedRow(_ metrics: [String: Any]) -> [String] {
        let cohort = metrics["cohort"] as? [String: Any] ?? [:]
        let waits = metrics["waitSeconds"] as? [String: Any] ?? [:]
        let satisfaction = metrics["satisfaction"] as? [String: Any] ?? [:]
        let count = waits["count"] as? Int ?? 0
        let median =
            (waits["median"] as? Int).map {
                count < Disclosure.minimumWaits ? "样本不足（\(count) 人次）" : "\(($0 + 30) / 60) 分钟"
            } ?? "—"
        return [
            "\(metrics["ticketsIssued"] as? Int ?? -1)",
            "\(percent(cohort["oneVisitRate"])) · \(cohort["open"] as? Int ?? -1) 件仍在办",
            percent(metrics["firstVisitResolutionRate"]), median, percent(satisfaction["satisfiedShare"]),
            "\(satisfaction["badOpen"] as? Int ?? -1)（\(satisfaction["badOverdue"] as? Int ?? -1)）",
        ]
    }

    @Test("signed in, /city shows each hall's and the city's figures as GET /api/v1/city/metrics gives them")
    func pageEqualsAPI() throws {
        let (hall, city) = try Self.scriptedCity()
        defer {
            city.stop()
            hall.stop()
        }
        let session = try #require(try CityPageTests.signIn(city, city.reader).1)
        for (from, to) in [("2026-11-02", "2026-11-08"), ("2026-11-04", "2026-11-06")] {
            let page = try city.client.get("/city?from=\(from)&to=\(to)", headers: ["Cookie": session])
            #expect(page.status == 200, "\(page.text)")
            let report = try city.metrics("from=\(from)&to=\(to)")
            #expect(report.status == 200)
            let halls = report.json["halls"] as? [[String: Any]] ?? []
            #expect(halls.count == 2)
            for entry in halls {
                let id = entry["hallId"] as? String ?? ""
                let shown = Self.cells(page.text, row: "<tr data-hall=\"\(id)\">")
                #expect(shown == Self.expectedRow(entry), "\(from)…\(to) \(id)")
            }
            let total = Self.cells(page.text, row: "<tr class=\"total\">")
            #expect(total == Self.expectedRow(report.json["city"] as? [String: Any] ?? [:]), "\(from)…\(to) city")
            #expect(Self.cells(page.text, row: "<tr data-hall=\"xigang\">").first != "0", "the week issued tickets")
        }
    }

    @Test("services are ranked by first-visit resolution, lowest first, 样本不足 last; materials link to their guides")
    func ranking() throws {
        let (hall, city) = try Self.scriptedCity()
        defer {
            city.stop()
            hall.stop()
        }
        let session = try #require(try CityPageTests.signIn(city, city.reader).1)
        let page = try city.client.get("/city?from=2026-11-02&to=2026-11-08", headers: ["Cookie": session])
        let report = try city.metrics("from=2026-11-02&to=2026-11-08")
        let services = (report.json["city"] as? [String: Any])?["services"] as? [[String: Any]] ?? []
        var shown: [(rate: String, visits: Int)] = []
        for service in services {
            let metrics = service
            let visits = metrics["firstVisits"] as? Int ?? 0
            let cells = Self.cells(page.text, row: "<tr data-service=\"\(service["serviceId"] as? String ?? "")\">")
            guard visits > 0 else {
                #expect(cells.isEmpty)
                continue
            }
            let rate = visits < Disclosure.minimumCases ? "样本不足" : Self.percent(metrics["firstVisitResolutionRate"])
            #expect(cells.first == rate)
            #expect(cells.dropFirst().first == "\(visits)")
            shown.append((rate, visits))
        }
        #expect(!shown.isEmpty)
        // In the page's order, the rates rise and 样本不足 comes last.
        let order = page.text.components(separatedBy: "<tr data-service=\"").dropFirst().map {
            Self.cells("<tr>" + $0, row: "<tr>").first ?? ""
        }
        let rated = order.prefix { $0 != "样本不足" }.map { Double($0.dropLast()) ?? -1 }
        #expect(rated == rated.sorted(), "\(order)")
        #expect(order.drop { $0 != "样本不足" }.allSatisfy { $0 == "样本不足" }, "\(order)")
        let missed = services.flatMap { $0["mostMissedMaterials"] as? [[String: Any]] ?? [] }
        #expect(!missed.isEmpty, "the week has visits with missing materials")
        if let first = services.first(where: { !($0["mostMissedMaterials"] as? [Any] ?? []).isEmpty }) {
            let id = first["serviceId"] as? String ?? ""
            #expect(page.text.contains("href=\"https://hall.example/guides/\(id)#materials\""), "\(missed)")
        }
    }

    @Test(
        "the city's disclosure gives each hall the figures of the hall's own /api/v1/disclosure, and the city their sum"
    )
    func disclosureEqualsHall() throws {
        let (hall, city) = try Self.scriptedCity()
        defer {
            city.stop()
            hall.stop()
        }
        let own = try hall.app.client.get("/api/v1/disclosure")
        #expect(own.status == 200)
        let disclosure = try city.client.get("/api/v1/city/disclosure")
        #expect(disclosure.status == 200, "\(disclosure.text)")
        let halls = disclosure.json["halls"] as? [[String: Any]] ?? []
        let xigang = try #require(halls.first { $0["hallId"] as? String == "xigang" })
        for key in ["yearToDate", "months"] {
            #expect(
                (xigang[key] as? NSObject)?.isEqual(own.json[key]) == true,
                "\(key): \(CityEqualityTests.differences(xigang[key], own.json[key]))")
        }
        // The other hall has nothing: the city's sum is xigang's.
        let total = disclosure.json["city"] as? [String: Any] ?? [:]
        #expect(
            (total["yearToDate"] as? NSObject)?.isEqual(own.json["yearToDate"]) == true,
            "\(CityEqualityTests.differences(total["yearToDate"], own.json["yearToDate"]))")
        #expect(total["hallName"] as? String == "全市")
        #expect((total["certificates"] as? NSObject)?.isEqual(own.json["certificates"]) == true)
        let page = try city.client.get("/disclosure?from=singlemessage")
        #expect(page.status == 200)
        #expect(page.text.contains("全市办件结果与好差评"))
        #expect(page.text.contains("大厅 xigang"))
        #expect(page.headers["content-security-policy"]?.contains("script-src") == false)
        #expect(!page.text.contains("noindex"), "a public page may be indexed")
    }

    @Test("bad reviews past their deadline and not rectified are listed under their hall, with service and dates only")
    func overdueReviews() throws {
        let (hall, city) = try Self.scriptedCity(laterDays: 40)
        defer {
            city.stop()
            hall.stop()
        }
        let session = try #require(try CityPageTests.signIn(city, city.reader).1)
        let page = try city.client.get("/city?from=2026-11-02&to=2026-11-08", headers: ["Cookie": session])
        let report = try city.metrics("from=2026-11-02&to=2026-11-08")
        let halls = report.json["halls"] as? [[String: Any]] ?? []
        let xigang = try #require(halls.first { $0["hallId"] as? String == "xigang" })
        let overdue = (xigang["satisfaction"] as? [String: Any])?["badOverdue"] as? Int ?? 0
        #expect(overdue > 0, "40 days on, the week's open bad reviews are overdue")
        #expect(page.text.contains("大厅 xigang：\(overdue) 件"), "\(page.text)")
        let items = page.text.components(separatedBy: "<li class=\"overdue\">").dropFirst()
        #expect(items.count == overdue)
        for item in items {
            let text = String(item.prefix { $0 != "<" })
            #expect(
                text.range(of: #"^.+ · 评价日 2026-11-0\d · 整改期限 2026-1\d-\d\d$"#, options: .regularExpression) != nil,
                "\(text)")
        }
        #expect(!page.text.contains("大厅 zhongshan："), "a hall without overdue reviews has no list")
    }
}
