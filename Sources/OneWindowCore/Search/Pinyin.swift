import OneWindowHan

/// Pinyin for search: applicants on a phone often type `jiehun` or `dibao` instead of
/// switching to a Chinese keyboard. A text becomes one reading set per character; a query
/// of letters matches where consecutive characters spell it, starting on a character, and
/// the last syllable may be cut short (`jieh`).
enum Pinyin {
    /// A text as reading sets, one per character; a character without pinyin gives an empty set.
    static func syllables(_ text: String) -> [[String]] {
        text.map { PinyinTable.readings(of: $0) ?? [] }
    }

    /// Whether a query reads like pinyin: ASCII letters only, at least two.
    static func isPinyinQuery(_ term: String) -> Bool {
        term.unicodeScalars.count >= 2 && term.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
    }

    /// Where `query` matches `text`: nil, `.whole` (it spells the whole text), `.prefix` (from the
    /// first character) or `.inside`.
    static func match(_ query: String, in text: [[String]]) -> Placement? {
        let query = Array(query.utf8)
        var best: Placement?
        for start in text.indices where spells(query[...], text, from: start) {
            if start == 0 {
                return consumesAll(query[...], text) ? .whole : .prefix
            }
            best = .inside
        }
        return best
    }

    enum Placement { case whole, prefix, inside }

    /// Whether the letters spell consecutive characters from `index`; the last may be cut short.
    private static func spells(_ rest: ArraySlice<UInt8>, _ text: [[String]], from index: Int) -> Bool {
        if rest.isEmpty { return true }
        guard index < text.count else { return false }
        for reading in text[index] {
            let letters = Array(reading.utf8)
            if rest.starts(with: letters), spells(rest.dropFirst(letters.count), text, from: index + 1) { return true }
            if letters.starts(with: rest) { return true }
        }
        return false
    }

    /// Whether the letters spell every character of the text exactly.
    private static func consumesAll(_ rest: ArraySlice<UInt8>, _ text: [[String]], from index: Int = 0) -> Bool {
        if index == text.count { return rest.isEmpty }
        return text[index].contains { reading in
            let letters = Array(reading.utf8)
            return rest.starts(with: letters) && consumesAll(rest.dropFirst(letters.count), text, from: index + 1)
        }
    }
}
