import OneWindowHan
import Testing

@testable import OneWindowCore

@Suite("Searching the catalogue in Chinese", .timeLimit(.minutes(2)))
struct SearchIndexTests {
    static func item(
        _ id: String, _ name: String, category: String = "社会救助", aliases: [String] = [],
        keywords: [String] = [], materials: [String] = ["居民身份证"]
    ) -> ServiceItem {
        ServiceItem(
            id: id, name: name, category: category, itemType: .benefit, acceptingBody: "民政局", decidingBody: "民政局",
            legalBasis: [LegalBasis(title: "《社会救助暂行办法》")], conditions: ["条件"],
            materials: materials.enumerated().map {
                Material(id: "m\($0.offset + 1)", name: $0.element, form: .original, copies: 1, required: true)
            },
            steps: [Step(title: "受理", description: "窗口受理")], timeLimit: TimeLimit(statutoryDays: 30, promisedDays: 20),
            result: ServiceResult(name: "决定", delivery: [.atWindow]),
            fee: Fee(free: true), place: "大厅", hours: "工作日", phones: Phones(consultation: "1", complaint: "2"),
            online: OnlineService(available: true), updatedAt: "2026-11-29",
            channels: Channels(hall: HallChannel(visitsPromised: 1), online: OnlineChannel(visitsPromised: 0)),
            aliases: aliases,
            keywords: keywords,
            queuePrefix: "C")
    }

    let index = SearchIndex(
        Catalogue(
            hall: Hall(
                name: "大厅", timeZone: "Asia/Shanghai", address: "地址", hours: "工作日",
                windows: [Window(id: "1", name: "1号综合窗口", kind: .comprehensive)]),
            services: [
                item("S1", "临时救助", keywords: ["低保边缘家庭"]),
                item("S2", "最低生活保障", aliases: ["低保"]),
                item("S3", "内地居民结婚登记", category: "婚姻登记", aliases: ["领证"], materials: ["户口簿", "居民身份证"]),
                item("S4", "补领婚姻登记证", category: "婚姻登记", keywords: ["结婚证遗失"]),
                item("S5", "特困人员救助供养", aliases: ["五保"]),
                item("S6", "Charity ＡＢＣ", category: "慈善"),
            ]))

    @Test("低保 finds 最低生活保障 first, by its alias, before an item that only mentions it in a keyword")
    func shortNameFindsFullName() {
        #expect(index.search("低保").map(\.id) == ["S2", "S1"])
    }

    @Test("结婚 finds 内地居民结婚登记 by its name")
    func twoCharacterNameQuery() {
        #expect(index.search("结婚").map(\.id).first == "S3")
        #expect(index.search("结婚").map(\.id).contains("S4"))
    }

    @Test("name matches rank before keyword matches")
    func nameMatchesFirst() {
        // S3 has 结婚 in its name, S4 only in a keyword.
        #expect(index.search("结婚").map(\.id) == ["S3", "S4"])
    }

    @Test("an exact name ranks before a name that merely contains the query")
    func exactNameFirst() {
        #expect(index.search("救助").map(\.id).prefix(2) == ["S1", "S5"])
        #expect(index.search("临时救助").first?.id == "S1")
    }

    @Test("material names are searchable")
    func materialSearch() {
        #expect(index.search("户口簿").map(\.id) == ["S3"])
    }

    @Test("every term must match")
    func allTermsMustMatch() {
        #expect(index.search("婚姻 补领").map(\.id) == ["S4"])
        #expect(index.search("婚姻 低保").isEmpty)
    }

    @Test("the characters of a short name found in order in the full name match too")
    func subsequence() {
        #expect(index.search("特困供养").map(\.id) == ["S5"])
    }

    @Test("full-width letters and case are folded")
    func normalisation() {
        #expect(index.search("abc").map(\.id) == ["S6"])
        #expect(index.search("CHARITY").map(\.id) == ["S6"])
    }

    @Test("an empty or blank query finds nothing, and a query found nowhere finds nothing")
    func emptyAndMissing() {
        #expect(index.search("").isEmpty)
        #expect(index.search("   ").isEmpty)
        #expect(index.search("护照").isEmpty)
    }

    @Test("ids are searchable exactly")
    func idSearch() {
        #expect(index.search("s5").map(\.id) == ["S5"])
    }

    @Test("pinyin without tones finds items by name and by short name: jiehun, dibao")
    func pinyin() {
        #expect(index.search("jiehun").map(\.id) == index.search("结婚").map(\.id), "as 结婚 finds: S3, then S4")
        #expect(index.search("dibao").map(\.id) == ["S2", "S1"])
        #expect(index.search("JieHun").map(\.id) == ["S3", "S4"], "case does not matter")
        #expect(index.search("jieh").map(\.id) == ["S3", "S4"], "the last syllable may be cut short")
        #expect(index.search("lingzheng").map(\.id) == ["S3"], "aliases are read in pinyin too")
        #expect(index.search("linshijiuzhu").first?.id == "S1", "a whole name ranks first")
    }

    @Test("pinyin matches start on a character, not in the middle of a syllable")
    func pinyinSyllableBoundaries() {
        // “iehun” is inside “jiehun” but starts in the middle of 结 (jie).
        #expect(index.search("iehun").isEmpty)
        #expect(index.search("x").isEmpty, "one letter is too little to search by")
    }

    @Test("a polyphone is found by each of its readings")
    func polyphones() {
        #expect(PinyinTable.readings(of: "地") == ["de", "di"])
        #expect(Pinyin.match("diming", in: Pinyin.syllables("地名")) == .whole)
        #expect(Pinyin.match("zhongdu", in: Pinyin.syllables("重度残疾")) == .prefix)
        #expect(Pinyin.match("nv", in: Pinyin.syllables("儿女")) == .inside)
    }

    @Test("traditional characters find what simplified ones find: 結婚, 最低生活保障 as 最低生活保障")
    func traditional() {
        #expect(index.search("結婚").map(\.id) == index.search("结婚").map(\.id))
        #expect(index.search("結婚").first?.id == "S3")
        #expect(index.search("補領").map(\.id) == ["S4"])
        #expect(index.search("臨時救助").first?.id == "S1")
    }

    @Test("the generated tables read a character in place: first and last entries, ü, none, non-Han")
    func tables() {
        #expect(PinyinTable.readings(of: "一") == ["yi"])
        #expect(PinyinTable.readings(of: "女") == ["nu", "nv"], "ü is typed u or v")
        #expect(PinyinTable.readings(of: "a") == nil)
        #expect(PinyinTable.readings(of: "。") == nil)
        #expect(PinyinTable.readings(of: "𠀀") == nil, "outside U+3400–U+9FFF")
        #expect(SimplifiedTable.simplified("㑳") == "㑇", "the first pair")
        #expect(SimplifiedTable.simplified("丟並亂") == "丢并乱")
        #expect(SimplifiedTable.simplified("結婚ABC 1") == "结婚ABC 1", "other characters stay")
        #expect(SimplifiedTable.simplified("结婚") == "结婚")
        #expect(SimplifiedTable.simplified("龜") == "龟")
    }
}
