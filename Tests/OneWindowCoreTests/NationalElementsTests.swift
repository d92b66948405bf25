import Foundation
import OneWindowCore
import OneWindowTesting
import Testing

/// One bad catalogue file per check of the national guide elements, each reported at its path.
@Suite("Checking the national guide elements", .timeLimit(.minutes(2)))
struct NationalElementsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var path: String
        /// `nil` removes the field; `NSNull()` writes `null`.
        nonisolated(unsafe) var value: Any?
        var reported: String
        var reason: String
        var testDescription: String { "\(path) = \(value.map { "\($0)" } ?? "(removed)")" }

        init(_ path: String, _ value: Any?, at reported: String? = nil, _ reason: String) {
            self.path = path
            self.value = value
            self.reported = reported ?? path
            self.reason = reason
        }
    }

    static let cases: [Case] = [
        Case("services[0].code", "11 21", "is not an implementation code"),
        Case("services[0].serviceObject", nil, "required field is missing"),
        Case("services[0].serviceObject", [], "needs at least 1 item"),
        Case("services[0].serviceObject", ["居民"], at: "services[0].serviceObject[0]", "found “居民”"),
        Case("services[0].serviceObject", ["法人", "法人"], at: "services[0].serviceObject[1]", "listed twice"),
        Case("services[0].level", "区级", "must be one of “省级”, “市级”, “县级”, “乡级”"),
        Case("services[0].acceptingBody", nil, "required field is missing"),
        Case("services[0].decidingBody", " ", "must not be empty"),
        Case("services[0].itemType", "行政审批", "found “行政审批”"),
        Case("services[0].timeLimit.statutoryDays", nil, "required field is missing (write null for none)"),
        Case("services[0].timeLimit.promisedDays", nil, "required field is missing (write null for none)"),
        Case("services[0].timeLimit.unit", "月", "must be one of “工作日”, “自然日”"),
        Case("services[1].timeLimit.specialSteps[0].duration", nil, "required field is missing"),
        Case("services[0].result", nil, "required field is missing"),
        Case("services[0].result.name", nil, "required field is missing"),
        Case("services[0].result.delivery", ["快递"], at: "services[0].result.delivery[0]", "found “快递”"),
        Case("services[1].channels.online.url", "www.example.org", "must be an http:// or https:// address"),
        Case(
            "services[0].channels.online", ["visitsPromised": 0], at: "services[0].channels",
            "online.available is false"),
        Case("services[0].bookingUrl", "javascript:alert(1)", "must be an http:// or https:// address"),
        Case("services[1].progressUrl", "https://exa mple.org", "must be an http:// or https:// address"),
        Case("services[1].formDownloads[0].url", nil, "required field is missing"),
        Case("services[1].formDownloads[0].name", nil, "required field is missing"),
        Case("services[0].scope", "全球通办", "found “全球通办”"),
        Case("services[1].faq[0].a", nil, "required field is missing"),
        Case("services[1].faq", [["q": "问"]], at: "services[1].faq[0].a", "required field is missing"),
        Case("services[0].updatedAt", "2026-02-30", "must be a date written YYYY-MM-DD"),
        Case("services[0].updatedAt", "2026/11/29", "must be a date written YYYY-MM-DD"),
        Case("services[0].updatedAt", nil, "required field is missing"),
        Case("services[0].materials[0].source", "自备", "must be one of “申请人自备”, “政府部门核发”, “窗口提供”"),
        Case("services[0].materials[0].medium", "扫描件", "must be one of “纸质”, “电子”, “纸质或电子”"),
        Case("services[1].materials[0].blankFormUrl", "form.pdf", "must be an http:// or https:// address"),
        Case("services[1].materials[0].sampleUrl", "ftp://example.org/x", "must be an http:// or https:// address"),
        Case("services[1].materials[0].waivable", "yes", "expected true or false"),
        Case("services[1].materials[1].obtainedByHall", 1, "expected true or false"),
        Case("services[1].materials[1].waivable", true, "cannot be waived"),
    ]

    @Test("each bad element is refused at its JSON path", arguments: cases)
    func refused(_ bad: Case) throws {
        let found = try issues(setting: bad.path, to: bad.value)
        #expect(
            found.contains { $0.path == bad.reported && $0.reason.contains(bad.reason) },
            "expected “\(bad.reported): …\(bad.reason)…”, got \(found)")
    }

    @Test("the new elements load into the model")
    func loaded() throws {
        let catalogue = try CatalogueLoader.load(
            Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue)), file: "valid.json")
        let assistance = try #require(catalogue.service(id: "T-JZ-001"))
        #expect(assistance.code == "11210200TEST0001")
        #expect(assistance.isForwarded && assistance.level == .county)
        #expect(assistance.timeLimit.specialSteps == [SpecialStep(name: "入户调查", duration: "5个工作日")])
        #expect(assistance.formDownloads == [FormDownload(name: "申请书", url: "https://example.org/form.pdf")])
        #expect(assistance.materials[0].waivable && !assistance.materials[0].obtainedByHall)
        #expect(assistance.materials[1].obtainedByHall && assistance.materials[1].medium == .either)
        #expect(catalogue.service(id: "T-JZ-002")?.timeLimit.statutoryDays == nil)
        let marriage = try #require(catalogue.service(id: "T-HY-001"))
        #expect(marriage.scope == .nationwide && !marriage.isForwarded)
        #expect(marriage.result == ServiceResult(name: "结婚证", delivery: [.onTheSpot]))
    }

    @Test("filings and awards are item types; a filing with no statutory limit loads")
    func newItemTypes() throws {
        for type in ["行政备案", "行政奖励"] {
            #expect(try issues(setting: "services[0].itemType", to: type).isEmpty, "\(type)")
        }
        #expect(try issues(setting: "services[0].timeLimit.statutoryDays", to: NSNull()).isEmpty)
    }

    @Test("a promise the bureau has not set is null, loads, and is listed with the placeholders")
    func unsetPromise() throws {
        let data = try catalogueData(setting: "services[1].timeLimit.promisedDays", to: NSNull())
        let catalogue = try CatalogueLoader.load(data, file: "test.json")
        #expect(catalogue.services[1].timeLimit.promisedDays == nil)
        #expect(catalogue.placeholders.contains("services[1].timeLimit.promisedDays"))
        #expect(!catalogue.placeholders.contains("services[0].timeLimit.promisedDays"))
    }
}
