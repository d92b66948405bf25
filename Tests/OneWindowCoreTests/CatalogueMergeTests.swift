import Foundation
import OneWindowCore
import OneWindowTesting
import Testing

/// The city's base catalogue with one hall's overrides (`CatalogueMerge`).
@Suite("Merging the city's catalogue with a hall's overrides", .timeLimit(.minutes(1)))
struct CatalogueMergeTests {
    let base: Data

    init() throws {
        base = try Data(contentsOf: URL(fileURLWithPath: Fixtures.validCatalogue))
    }

    func merge(_ overrides: String) throws(CatalogueError) -> Catalogue {
        let merged = try CatalogueMerge.merge(
            base: base, overrides: Data(overrides.utf8), baseFile: "base.json", overridesFile: "hall.json")
        return try CatalogueLoader.load(merged, file: "merged")
    }

    func issues(_ overrides: String) -> [String] {
        do {
            _ = try merge(overrides)
            return []
        } catch {
            return error.description.components(separatedBy: "\n")
        }
    }

    @Test("a hall's name, address, hours and windows replace the base's; its guides stay the city's")
    func hall() throws {
        let catalogue = try merge(
            #"""
            {"hall": {"name": "甘井子区政务服务大厅", "address": "甘井子区红旗西路1号", "hours": "周一至周六 9:00-17:00",
                      "windows": [{"id": "A", "name": "A号综合窗口", "kind": "comprehensive"}]}}
            """#)
        let original = try CatalogueLoader.load(base, file: "base")
        #expect(catalogue.hall.name == "甘井子区政务服务大厅")
        #expect(catalogue.hall.address == "甘井子区红旗西路1号")
        #expect(catalogue.hall.hours == "周一至周六 9:00-17:00")
        #expect(catalogue.hall.windows.map(\.id) == ["A"])
        #expect(catalogue.hall.timeZone == original.hall.timeZone)
        #expect(catalogue.services == original.services)
    }

    @Test("a service's place and hours are replaced, and its phones merged by kind")
    func service() throws {
        let original = try CatalogueLoader.load(base, file: "base")
        let catalogue = try merge(
            #"""
            {"services": {"T-JZ-001": {"place": "二楼社会救助窗口", "hours": "周二上午", "phones": {"consultation": "0411-86000000"}}}}
            """#)
        let item = try #require(catalogue.service(id: "T-JZ-001"))
        let before = try #require(original.service(id: "T-JZ-001"))
        #expect(item.place == "二楼社会救助窗口")
        #expect(item.hours == "周二上午")
        #expect(item.phones.consultation == "0411-86000000")
        #expect(item.phones.complaint == before.phones.complaint)
        #expect(item.materials == before.materials)
        #expect(catalogue.service(id: "T-HY-001") == original.service(id: "T-HY-001"))
    }

    @Test("the shipped catalogue merged with no overrides loads as the same catalogue: nothing is lost in between")
    func nothingLost() throws {
        let shipped = try Data(contentsOf: URL(fileURLWithPath: Fixtures.shippedCatalogue))
        let merged = try CatalogueMerge.merge(
            base: shipped, overrides: Data("{}".utf8), baseFile: "b", overridesFile: "o")
        #expect(try CatalogueLoader.load(merged, file: "merged") == CatalogueLoader.load(shipped, file: "shipped"))
    }

    @Test("equal inputs give equal bytes, so the city's ETag changes only when the merge does")
    func deterministic() throws {
        let overrides = Data(#"{"hall": {"address": "x路1号"}, "services": {"T-HY-001": {"hours": "全天"}}}"#.utf8)
        let first = try CatalogueMerge.merge(base: base, overrides: overrides, baseFile: "b", overridesFile: "o")
        let second = try CatalogueMerge.merge(base: base, overrides: overrides, baseFile: "b", overridesFile: "o")
        #expect(first == second)
    }

    @Test("overrides of anything but the hall's place and staffing are refused, each with its path")
    func refused() {
        let found = issues(
            #"""
            {"hall": {"timeZone": "UTC"}, "services": {"T-HY-001": {"materials": []}, "NOPE": {"hours": "x"}}, "extra": 1}
            """#)
        #expect(found.contains { $0.hasPrefix("hall.json: extra: is not something a hall may override") })
        #expect(found.contains { $0.hasPrefix("hall.json: hall.timeZone: is not something a hall may override") })
        #expect(
            found.contains { $0.hasPrefix("hall.json: services[\"T-HY-001\"].materials: is not something") })
        #expect(found.contains { $0.contains("NOPE") && $0.contains("no service has this id") })
        #expect(found.count == 4, "\(found)")
    }

    @Test("a merge that fails the catalogue's checks is refused, naming both files")
    func failedCheck() {
        let found = issues(
            #"{"hall": {"windows": [{"id": "9", "name": "9号", "kind": "specialised", "services": ["NOPE"]}]}}"#)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.hasPrefix("base.json with hall.json: ") }, "\(found)")
        #expect(issues(#"[1, 2]"#).first?.contains("must be an object") == true)
        #expect(issues("not json").first == "hall.json: not valid JSON")
    }
}
