import Foundation
import OneWindowCore
import OneWindowTesting
import Testing

@Suite("Loading and checking services.json", .timeLimit(.minutes(2)))
struct CatalogueLoaderTests {
    /// Asserts that exactly one issue is reported, at `path`, with `reason` in its text.
    private func expectIssue(
        _ found: [CatalogueIssue], at path: String, containing reason: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            found.contains { $0.path == path && $0.reason.contains(reason) },
            "expected “\(path): …\(reason)…”, got \(found)", sourceLocation: sourceLocation)
    }

    @Test("the valid fixture loads with its hall, windows and services")
    func validFixtureLoads() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue))
        let catalogue = try CatalogueLoader.load(data, file: "valid.json")
        #expect(catalogue.services.count == 3)
        #expect(catalogue.hall.windows.count == 2)
        #expect(catalogue.service(id: "T-JZ-001")?.name == "最低生活保障")
        #expect(catalogue.categories == [Category(name: "婚姻登记", count: 1), Category(name: "社会救助", count: 2)])
        #expect(catalogue.windows(serving: "T-HY-001").map(\.id) == ["1", "2"])
        #expect(catalogue.windows(serving: "T-JZ-001").map(\.id) == ["1"])
    }

    @Test("a duplicate service id is reported at the second use")
    func duplicateIds() throws {
        let found = try issues(setting: "services[2].id", to: "T-JZ-001")
        expectIssue(found, at: "services[2].id", containing: "duplicate id “T-JZ-001”, already used by services[1]")
    }

    @Test("a window naming an unknown service is reported at that name")
    func windowNamesUnknownService() throws {
        let found = try issues(setting: "hall.windows[1].services", to: ["T-HY-001", "NO-SUCH"])
        expectIssue(found, at: "hall.windows[1].services[1]", containing: "unknown service “NO-SUCH”")
    }

    @Test("a service the hall receives that no window takes is reported at its hall channel")
    func unservedService() throws {
        let windows: [Any] = [["id": "2", "name": "2号窗口", "kind": "specialised", "services": ["T-HY-001"]]]
        let found = try issues(setting: "hall.windows", to: windows)
        expectIssue(found, at: "services[1].channels.hall", containing: "the hall receives “T-JZ-001” but no window")
        expectIssue(found, at: "services[2].channels.hall", containing: "the hall receives “T-JZ-002” but no window")
        #expect(!found.contains { $0.path.hasPrefix("services[0]") })
    }

    @Test("missing guide elements are each reported with their path")
    func missingGuideElements() throws {
        expectIssue(
            try issues(setting: "services[0].materials", to: nil), at: "services[0].materials",
            containing: "required field is missing")
        expectIssue(
            try issues(setting: "services[1].legalBasis", to: []), at: "services[1].legalBasis",
            containing: "needs at least 1 item")
        expectIssue(
            try issues(setting: "services[2].place", to: "  "), at: "services[2].place", containing: "must not be empty"
        )
        expectIssue(
            try issues(setting: "services[0].phones.complaint", to: nil), at: "services[0].phones.complaint",
            containing: "required field is missing")
        expectIssue(
            try issues(setting: "services[0].steps[1].description", to: nil), at: "services[0].steps[1].description",
            containing: "required field is missing")
        expectIssue(
            try issues(setting: "hall.timeZone", to: nil), at: "hall.timeZone", containing: "required field is missing")
    }

    @Test("queue prefixes other than one capital letter are refused", arguments: ["AB", "a", "1", "Ä", ""])
    func badPrefixes(prefix: String) throws {
        let found = try issues(setting: "services[0].queuePrefix", to: prefix)
        let path = "services[0].queuePrefix"
        #expect(found.contains { $0.path == path }, "expected an issue at \(path) for “\(prefix)”, got \(found)")
    }

    @Test("a negative time limit is refused")
    func negativeTimeLimit() throws {
        let found = try issues(setting: "services[1].timeLimit.statutoryDays", to: -1)
        expectIssue(found, at: "services[1].timeLimit.statutoryDays", containing: "must be at least 0, found -1")
    }

    @Test("a promised limit longer than the statutory one is refused")
    func promisedExceedsStatutory() throws {
        let found = try issues(setting: "services[1].timeLimit.promisedDays", to: 31)
        expectIssue(
            found, at: "services[1].timeLimit.promisedDays", containing: "exceeds the statutory limit (30 days)")
    }

    @Test("unknown fields are reported, so typos do not pass silently")
    func unknownFields() throws {
        expectIssue(
            try issues(setting: "services[0].materail", to: []), at: "services[0].materail", containing: "unknown field"
        )
        expectIssue(
            try issues(setting: "services[0].materials[1].copys", to: 2), at: "services[0].materials[1].copys",
            containing: "unknown field")
        expectIssue(try issues(setting: "hall.window", to: []), at: "hall.window", containing: "unknown field")
        expectIssue(try issues(setting: "extra", to: 1), at: "extra", containing: "unknown field")
    }

    @Test("an unknown key that is not a plain name is quoted in the path, so the place is clear")
    func unknownKeysQuoted() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue))
        var document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        document[""] = 1
        var hall = try #require(document["hall"] as? [String: Any])
        hall["名称"] = "x"
        document["hall"] = hall
        var services = try #require(document["services"] as? [[String: Any]])
        services[0]["a.b"] = 1
        services[0]["say \"hi\"\n"] = 1
        document["services"] = services
        let found = issues(loading: try JSONSerialization.data(withJSONObject: document))
        expectIssue(found, at: #"[""]"#, containing: "unknown field")
        expectIssue(found, at: #"hall["名称"]"#, containing: "unknown field")
        expectIssue(found, at: #"services[0]["a.b"]"#, containing: "unknown field")
        expectIssue(found, at: #"services[0]["say \"hi\"\u000A"]"#, containing: "unknown field")
    }

    @Test("wrong types and out-of-range numbers name the field")
    func wrongTypes() throws {
        expectIssue(
            try issues(setting: "services[0].materials[2].copies", to: 0), at: "services[0].materials[2].copies",
            containing: "must be at least 1, found 0")
        expectIssue(
            try issues(setting: "services[0].materials[2].copies", to: "1"), at: "services[0].materials[2].copies",
            containing: "expected a whole number, found a string")
        expectIssue(
            try issues(setting: "services[0].materials[0].copies", to: 1.5), at: "services[0].materials[0].copies",
            containing: "expected a whole number, found a number")
        expectIssue(
            try issues(setting: "services[0].materials[0].form", to: "scan"), at: "services[0].materials[0].form",
            containing: "found “scan”")
        expectIssue(
            try issues(setting: "services[0].channels.hall.visitsPromised", to: 3),
            at: "services[0].channels.hall.visitsPromised",
            containing: "must be from 0 to 2, found 3")
        expectIssue(
            try issues(setting: "services[0].online.available", to: "yes"), at: "services[0].online.available",
            containing: "expected true or false")
        expectIssue(
            try issues(setting: "hall.windows[0].kind", to: "general"), at: "hall.windows[0].kind",
            containing: "“comprehensive” or “specialised”")
    }

    @Test("a charged fee must name its amount and basis")
    func chargedFeeNeedsAmountAndBasis() throws {
        let found = try issues(setting: "services[0].fee", to: ["free": false])
        expectIssue(found, at: "services[0].fee.amount", containing: "required field is missing")
        expectIssue(found, at: "services[0].fee.basis", containing: "required field is missing")
    }

    @Test("a material without an id is refused at its path")
    func missingMaterialId() throws {
        expectIssue(
            try issues(setting: "services[0].materials[1].id", to: nil), at: "services[0].materials[1].id",
            containing: "required field is missing")
    }

    @Test("a material id used twice in one service is refused at the second use")
    func duplicateMaterialId() throws {
        expectIssue(
            try issues(setting: "services[0].materials[2].id", to: "m1"), at: "services[0].materials[2].id",
            containing: "duplicate material id “m1”, already used by materials[0]")
    }

    @Test("a material's English name loads and is published; one with Chinese characters is refused at its path")
    func materialNameEn() throws {
        let data = try catalogueData(setting: "services[0].materials[0].nameEn", to: "Written application")
        let catalogue = try CatalogueLoader.load(data, file: "t.json")
        #expect(catalogue.services[0].materials[0].nameEn == "Written application")
        #expect(catalogue.published.services[0].materials[0].nameEn == "Written application")
        #expect(catalogue.services[0].materials[1].nameEn == nil)
        expectIssue(
            try issues(setting: "services[0].materials[0].nameEn", to: "书面申请"), at: "services[0].materials[0].nameEn",
            containing: "found Chinese characters")
        expectIssue(
            try issues(setting: "services[0].materials[0].nameEn", to: "ID card（copy）"),
            at: "services[0].materials[0].nameEn", containing: "found Chinese characters")
    }

    @Test("the same material id in two services is fine")
    func materialIdsAreLocalToTheirService() throws {
        #expect(try issues(setting: "services[1].materials[0].id", to: "m3").isEmpty)
    }

    @Test(
        "material ids other than m and a number are refused", arguments: ["1", "m0", "m01", "M1", "m1a", "m", "m12345"])
    func malformedMaterialId(id: String) throws {
        expectIssue(
            try issues(setting: "services[0].materials[0].id", to: id), at: "services[0].materials[0].id",
            containing: "is not a valid material id")
    }

    @Test("ids that cannot stand in a URL are refused")
    func badIds() throws {
        let found = try issues(setting: "services[0].id", to: "结婚 登记")
        expectIssue(found, at: "services[0].id", containing: "is not a valid id")
    }

    @Test("an unknown time zone is refused")
    func unknownTimeZone() throws {
        expectIssue(
            try issues(setting: "hall.timeZone", to: "Mars/Olympus"), at: "hall.timeZone",
            containing: "unknown time zone")
    }

    @Test("a comprehensive window must not list services, a specialised one must")
    func windowKinds() throws {
        expectIssue(
            try issues(setting: "hall.windows[0].services", to: ["T-HY-001"]), at: "hall.windows[0].services",
            containing: "comprehensive window takes every service")
        expectIssue(
            try issues(setting: "hall.windows[1].services", to: []), at: "hall.windows[1].services",
            containing: "must list the services")
        expectIssue(
            try issues(setting: "hall.windows[1].id", to: "1"), at: "hall.windows[1].id",
            containing: "duplicate window id")
    }

    @Test("text that is not JSON is reported as such")
    func invalidJSON() {
        let found = issues(loading: Data("{\"hall\": ".utf8))
        #expect(found.count == 1)
        #expect(found.first?.reason.hasPrefix("not valid JSON") == true)
    }

    @Test("every problem in a file is reported at once, each line naming the file")
    func reportsAllIssues() throws {
        var document =
            try JSONSerialization.jsonObject(with: catalogueData(setting: "services[0].queuePrefix", to: "aa"))
            as! [String: Any]
        document["colour"] = "red"
        let data = try JSONSerialization.data(withJSONObject: document)
        do {
            _ = try CatalogueLoader.load(data, file: "bad.json")
            Issue.record("a bad catalogue loaded")
        } catch {
            #expect(error.issues.count == 2)
            #expect(error.description.split(separator: "\n").allSatisfy { $0.hasPrefix("bad.json: ") })
        }
    }

    @Test("placeholders for local facts are listed by path")
    func placeholders() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue))
        let catalogue = try CatalogueLoader.load(data, file: "valid.json")
        #expect(catalogue.placeholders.contains("hall.address"))
        #expect(catalogue.placeholders.contains("services[1].phones.consultation"))
        #expect(!catalogue.placeholders.contains("services[1].phones.complaint"))
    }
}
