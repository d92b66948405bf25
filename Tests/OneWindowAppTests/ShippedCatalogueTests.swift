import Foundation
import OneWindowHan
import OneWindowTesting
import Testing

@testable import OneWindowCore

/// Search cases on the catalogue the hall really ships, through the HTTP API.
@Suite("Searching the shipped catalogue", .timeLimit(.minutes(2)))
struct ShippedCatalogueTests {
    static let cases: [(query: String, expectedFirst: String)] = [
        ("低保", "最低生活保障"),
        ("结婚", "结婚登记"),
        ("离婚", "离婚登记"),
        ("五保", "特困人员救助供养"),
        ("民非", "社会服务机构"),
        ("高龄补贴", "高龄"),
        ("收养", "收养登记"),
        ("慈善信托", "慈善信托"),
        ("haizang", "海葬"),
        ("公墓年检", "公墓年度检查"),
        ("地名", "地名"),
        ("临时救助", "临时救助"),
        ("jiehun", "结婚登记"),
        ("dibao", "最低生活保障"),
        ("lihun", "离婚登记"),
        ("shouyang", "收养登记"),
        ("diming", "地名"),
        ("結婚", "结婚登记"),
        ("離婚", "离婚登记"),
        ("殯葬", "殡"),
        ("養老", "养老"),
    ]

    @Test("common words and short names find the right service first", arguments: cases)
    func firstHit(query: String, expectedFirst: String) throws {
        let app = try TestApplication(catalogue: Fixtures.shippedCatalogue)
        defer { app.stop() }
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let response = try app.client.get("/api/v1/services?q=\(encoded)")
        #expect(response.status == 200)
        let names = (response.json["services"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names.first?.contains(expectedFirst) == true, "q=\(query) gave \(names)")
    }

    @Test("the shipped catalogue has at least 30 items, every one with a complete guide page")
    func everyGuideRenders() throws {
        let app = try TestApplication(catalogue: Fixtures.shippedCatalogue)
        defer { app.stop() }
        let list = try app.client.get("/api/v1/services").json
        let ids = (list["services"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(ids.count >= 30)
        for id in ids {
            let page = try app.client.get("/guides/\(id)")
            #expect(page.status == 200, "/guides/\(id)")
            #expect(page.text.contains("申请材料"), "/guides/\(id) lacks the materials")
        }
    }

    @Test("every shipped material has an English name, in the guide document and beside the Chinese on the guide page")
    func materialsInEnglish() throws {
        let app = try TestApplication(catalogue: Fixtures.shippedCatalogue)
        defer { app.stop() }
        let list = try app.client.get("/api/v1/services").json
        let ids = (list["services"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        for id in ids {
            let materials = try app.client.get("/api/v1/services/\(id)").json["materials"] as? [[String: Any]] ?? []
            let page = try app.client.get("/guides/\(id)").text
            for material in materials {
                let nameEn = material["nameEn"] as? String
                #expect(nameEn?.isEmpty == false, "\(id) \(material["name"] ?? "")")
                if let nameEn {
                    let escaped = nameEn.replacingOccurrences(of: "&", with: "&amp;")
                        .replacingOccurrences(of: "'", with: "&#39;")
                    #expect(page.contains(#"<span class="en" lang="en">\#(escaped)</span></th>"#), "\(id): \(nameEn)")
                }
            }
        }
    }

    /// The Han characters of the texts a search reads: names, aliases, categories, keywords.
    static func searchedCharacters() throws -> [Character] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.shippedCatalogue))
        let catalogue = try CatalogueLoader.load(data, file: "services.json")
        var characters = Set<Character>()
        for item in catalogue.services {
            for text in [item.name, item.category] + item.aliases + item.keywords {
                characters.formUnion(
                    text.filter { $0.unicodeScalars.allSatisfy { (0x3400...0x9FFF).contains($0.value) } })
            }
        }
        return characters.sorted()
    }

    @Test("every character of the shipped catalogue has the reading ICU gives it in the committed pinyin table")
    func pinyinTableCoversCatalogue() throws {
        let characters = try Self.searchedCharacters()
        #expect(characters.count > 200, "the shipped catalogue has 268 today")
        for character in characters {
            // The test may page in ICU; the daemon reads the table instead.
            let icu = String(character).applyingTransform(.mandarinToLatin, reverse: false)?
                .applyingTransform(.stripDiacritics, reverse: false)
            let readings = PinyinTable.readings(of: character) ?? []
            #expect(
                icu.map(readings.contains) == true,
                "\(character): \(readings), ICU \(icu ?? "-"); run scripts/han-tables.swift")
        }
    }

    @Test("every traditional form of a shipped catalogue's character is simplified as ICU's Hant-Hans does")
    func simplifiedTableCoversCatalogue() throws {
        let characters = try Self.searchedCharacters()
        let simplified = String(characters)
        let traditional = try #require(simplified.applyingTransform(StringTransform("Hans-Hant"), reverse: false))
        #expect(traditional != simplified, "the catalogue has characters with traditional forms (結婚)")
        let icu = try #require(traditional.applyingTransform(StringTransform("Hant-Hans"), reverse: false))
        #expect(SimplifiedTable.simplified(traditional) == icu, "run scripts/han-tables.swift")
        #expect(SimplifiedTable.simplified(traditional) == simplified)
    }

    @Test("no shipped guide uses staff wording or a second word for 当场办结")
    func applicantWording() throws {
        let app = try TestApplication(catalogue: Fixtures.shippedCatalogue)
        defer { app.stop() }
        let ids = app.application.state.catalogue.catalogue.services.map(\.id)
        for id in ids {
            let page = try app.client.get("/guides/\(id)").text
            for staffWord in ["法定时限栏", "填列", "即办件", "即时办结"] {
                #expect(!page.contains(staffWord), "/guides/\(id) says “\(staffWord)”")
            }
        }
    }
}
