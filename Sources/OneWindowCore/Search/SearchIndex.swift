import Foundation
import OneWindowHan

/// Finds service items by what applicants type: Chinese names, short names such as 低保,
/// keywords and the names of materials; in simplified or traditional characters (結婚), or in
/// pinyin without tones (`jiehun`, `dibao`).
///
/// Chinese has no spaces between words, so matching is by substring, not by token: a
/// two-character query such as 结婚 is found inside 内地居民结婚登记. Every whitespace-separated
/// term must match somewhere; an item's score is the sum of its terms' best matches, and name
/// matches rank first (see `Weight`). Built once per catalogue load; queries never allocate
/// per item beyond the result.
public struct SearchIndex: Sendable {
    /// How much a match in each place counts. A term takes the best place it matches.
    enum Weight {
        static let idOrExactName = 100
        static let namePrefix = 90
        static let nameSubstring = 80
        static let alias = 70
        static let category = 50
        static let keyword = 45
        /// The term's characters appear in order in the name (低保 in 最低生活保障).
        static let nameSubsequence = 30
        static let material = 20
    }

    struct Entry: Sendable {
        var position: Int
        var id: String
        var name: String
        var aliases: [String]
        var category: String
        var keywords: [String]
        var materials: [String]
        var pinyin: PinyinEntry
    }

    private let entries: [Entry]
    private let services: [ServiceItem]

    public init(_ catalogue: Catalogue) {
        services = catalogue.services
        entries = catalogue.services.enumerated().map { position, item in
            Entry(
                position: position, id: Self.normalize(item.id), name: Self.normalize(item.name),
                aliases: item.aliases.map(Self.normalize), category: Self.normalize(item.category),
                keywords: item.keywords.map(Self.normalize), materials: item.materials.map { Self.normalize($0.name) },
                pinyin: PinyinEntry(item))
        }
    }

    /// Folds full-width forms and case so that ＡＢＣ, abc and ABC are one query.
    public static func normalize(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased()
    }

    /// The items matching every term of `query`, best first; ties keep catalogue order.
    /// An empty query matches nothing. Traditional characters are read as simplified ones, by a
    /// table generated from ICU's Hant-Hans transform: calling ICU here paged in its data.
    public func search(_ query: String) -> [ServiceItem] {
        let terms = SimplifiedTable.simplified(Self.normalize(query)).split(whereSeparator: \.isWhitespace).map(
            String.init)
        guard !terms.isEmpty else { return [] }
        var hits: [(score: Int, position: Int)] = []
        for entry in entries {
            var total = 0
            for term in terms {
                let score = Self.score(term, entry)
                guard score > 0 else {
                    total = 0
                    break
                }
                total += score
            }
            if total > 0 { hits.append((total, entry.position)) }
        }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }
        return hits.map { services[$0.position] }
    }

    private static func score(_ term: String, _ entry: Entry) -> Int {
        let text = textScore(term, entry)
        return Pinyin.isPinyinQuery(term) ? max(text, pinyinScore(term, entry)) : text
    }

    private static func textScore(_ term: String, _ entry: Entry) -> Int {
        if entry.id == term || entry.name == term { return Weight.idOrExactName }
        if entry.name.hasPrefix(term) { return Weight.namePrefix }
        if entry.name.contains(term) { return Weight.nameSubstring }
        if entry.aliases.contains(where: { $0.contains(term) }) { return Weight.alias }
        if entry.category.contains(term) { return Weight.category }
        if entry.keywords.contains(where: { $0.contains(term) }) { return Weight.keyword }
        if term.count >= 2, isSubsequence(term, of: entry.name) { return Weight.nameSubsequence }
        if entry.materials.contains(where: { $0.contains(term) }) { return Weight.material }
        return 0
    }

    private static func isSubsequence(_ needle: String, of haystack: String) -> Bool {
        var remaining = needle.makeIterator()
        var wanted = remaining.next()
        for character in haystack where character == wanted {
            wanted = remaining.next()
            if wanted == nil { return true }
        }
        return wanted == nil
    }
}
