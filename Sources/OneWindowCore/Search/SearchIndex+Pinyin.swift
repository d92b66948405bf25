import OneWindowHan

extension SearchIndex {
    /// The pinyin of the texts a pinyin query searches: the name, aliases, category and keywords
    /// (not the materials: short syllables would match too much there).
    struct PinyinEntry: Sendable {
        var name: [[String]]
        var aliases: [[[String]]]
        var category: [[String]]
        var keywords: [[[String]]]

        init(_ item: ServiceItem) {
            name = Pinyin.syllables(item.name)
            aliases = item.aliases.map(Pinyin.syllables)
            category = Pinyin.syllables(item.category)
            keywords = item.keywords.map(Pinyin.syllables)
        }
    }

    /// A pinyin term ranks like its Chinese counterpart, a step below it.
    static func pinyinScore(_ term: String, _ entry: Entry) -> Int {
        switch Pinyin.match(term, in: entry.pinyin.name) {
        case .whole: return Weight.idOrExactName - 5
        case .prefix: return Weight.namePrefix - 5
        case .inside: return Weight.nameSubstring - 5
        case nil: break
        }
        if entry.pinyin.aliases.contains(where: { Pinyin.match(term, in: $0) != nil }) { return Weight.alias - 5 }
        if Pinyin.match(term, in: entry.pinyin.category) != nil { return Weight.category - 5 }
        if entry.pinyin.keywords.contains(where: { Pinyin.match(term, in: $0) != nil }) { return Weight.keyword - 5 }
        return 0
    }

}
