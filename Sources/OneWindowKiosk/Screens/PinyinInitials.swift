import OneWindowHan

/// Pinyin initials for the kiosk's on-screen letter keyboard: tapping J, H finds 结婚登记.
///
/// The daemon's search reads whole pinyin (`jiehun`, `dibao`) but not initials, and a touch
/// screen has no Chinese input method. The kiosk therefore matches initials itself, against
/// the service names of the catalogue it loaded (so it works while the daemon is down too):
/// each Han character's readings, polyphones (多音字: 长 chang/zhang, 行 xing/hang) included,
/// come from the daemon's search table (`PinyinTable`), which spares the kiosk ICU's data too.
public enum PinyinInitials {
    /// Each character's possible initials: a Han character's pinyin initial(s), a Latin letter
    /// or digit itself; punctuation has none (an empty set, which no letter matches).
    public static func of(_ text: String) -> [Set<Character>] {
        text.map { character in
            if character.isASCII {
                return character.isLetter || character.isNumber ? [Character(character.uppercased())] : []
            }
            return Set(
                (PinyinTable.readings(of: character) ?? []).compactMap { $0.first.map { Character($0.uppercased()) } })
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
