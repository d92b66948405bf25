// Prints the pinyin of every Han character in the searchable texts of a services.json
// (names, aliases, keywords, categories), as "字reading" entries ten to a line, using
// ICU through Foundation. Used once to make Sources/OneWindowCore/Search/PinyinTable.swift;
// run it again when the catalogue gains characters (a test says which are missing):
//   swift scripts/pinyin-table.swift services.json
import Foundation

let path = CommandLine.arguments.dropFirst().first ?? "services.json"
let data = try Data(contentsOf: URL(fileURLWithPath: path))
let root = try JSONSerialization.jsonObject(with: data) as! [String: Any]
var texts: [String] = []
for item in root["services"] as! [[String: Any]] {
    texts += [item["name"], item["category"]].compactMap { $0 as? String }
    texts += (item["aliases"] as? [String] ?? []) + (item["keywords"] as? [String] ?? [])
}
var characters = Set<Character>()
for text in texts {
    for character in text where character.unicodeScalars.allSatisfy({ (0x4E00...0x9FFF).contains($0.value) }) {
        characters.insert(character)
    }
}
// Ten to a line, each a character and its readings joined by "/": ü is written both u and v.
var entries: [String] = []
for character in characters.sorted() {
    let toned = String(character).applyingTransform(.mandarinToLatin, reverse: false) ?? ""
    let plain = toned.applyingTransform(.stripDiacritics, reverse: false) ?? ""
    var readings = [plain]
    // ü in any tone carries a combining diaeresis once decomposed.
    if toned.decomposedStringWithCanonicalMapping.unicodeScalars.contains("\u{0308}") {
        readings.append(plain.replacingOccurrences(of: "u", with: "v"))
    }
    entries.append("\(character)\(readings.joined(separator: "/"))")
}
stride(from: 0, to: entries.count, by: 10).forEach { start in
    print(entries[start..<min(start + 10, entries.count)].joined(separator: " "))
}
