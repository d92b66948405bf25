import Foundation

/// Pinyin initials for the kiosk's on-screen letter keyboard: tapping J, H finds 结婚登记.
///
/// The daemon's search reads whole pinyin (`jiehun`, `dibao`) but not initials, and a touch
/// screen has no Chinese input method. The kiosk therefore matches initials itself, against
/// the service names of the catalogue it loaded (so it works while the daemon is down too):
/// each Han character's reading comes from ICU's Mandarin transform, with the other readings
/// of the polyphones (多音字) in service names added by hand.
public enum PinyinInitials {
    /// Other initials of characters ICU reads one way only (长 chang/zhang, 行 xing/hang …).
    static let polyphones: [Character: Set<Character>] = [
        "长": ["C", "Z"], "行": ["X", "H"], "重": ["Z", "C"], "会": ["H", "K"], "单": ["D", "S"], "解": ["J", "X"],
        "调": ["D", "T"], "地": ["D"], "传": ["C", "Z"], "藏": ["C", "Z"],
    ]

    /// Each character's possible initials: a Han character's pinyin initial(s), a Latin letter
    /// or digit itself; punctuation has none (an empty set, which no letter matches).
    public static func of(_ text: String) -> [Set<Character>] {
        text.map { character in
            if let known = polyphones[character] { return known }
            if character.isASCII {
                return character.isLetter || character.isNumber ? [Character(character.uppercased())] : []
            }
            guard character.unicodeScalars.allSatisfy({ (0x3400...0x9FFF).contains($0.value) }) else { return [] }
            let latin = String(character).applyingTransform(.mandarinToLatin, reverse: false)?
                .applyingTransform(.stripDiacritics, reverse: false)
            return latin?.first.map { [Character($0.uppercased())] } ?? []
        }
    }

    /// Whether `letters` (A–Z) are the initials of consecutive characters of the text.
    public static func matches(_ letters: String, in initials: [Set<Character>]) -> Bool {
        let wanted = Array(letters.uppercased())
        guard !wanted.isEmpty, wanted.count <= initials.count else { return false }
        return (0...(initials.count - wanted.count)).contains { start in
            wanted.indices.allSatisfy { initials[start + $0].contains(wanted[$0]) }
        }
    }

    /// Whether a query is one the letter keyboard makes: ASCII letters only.
    public static func isInitials(_ query: String) -> Bool {
        !query.isEmpty && query.allSatisfy { $0.isASCII && $0.isLetter }
    }
}
